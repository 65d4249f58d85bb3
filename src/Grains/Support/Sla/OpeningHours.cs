using Orleans;

namespace OrleansPortal.Grains.Support.Sla;

/// <summary>
/// When the team works on one weekday, in the company's local time: from <paramref name="OpensAt"/> to
/// <paramref name="ClosesAt"/>, in minutes since midnight (0 to 1440; 1440 is the end of the day). One span per day:
/// a lunch break is not modelled. A weekday with no entry is closed.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.OpeningHours")]
public sealed record OpeningHours(DayOfWeek Day, int OpensAt, int ClosesAt)
{
    public const int EndOfDay = 24 * 60;

    public bool IsValid => OpensAt >= 0 && ClosesAt <= EndOfDay && OpensAt < ClosesAt;
}
