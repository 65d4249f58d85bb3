using Orleans;

namespace OrleansPortal.Grains.Customers;

/// <summary>
/// A daily span, in the contact's own time zone (an IANA id such as "Europe/Lisbon"), when nothing but what they cannot
/// miss should reach them. A span whose end is before its start runs over midnight (22:00 to 07:00).
/// </summary>
[GenerateSerializer, Immutable, Alias("op.QuietHours")]
public sealed record QuietHours(TimeOnly Start, TimeOnly End, string TimeZone)
{
    /// <summary>Whether <paramref name="at"/> falls in the span; the start is inside, the end is not.</summary>
    public bool Contains(DateTimeOffset at)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
        return Start <= End ? local >= Start && local < End : local >= Start || local < End;
    }
}
