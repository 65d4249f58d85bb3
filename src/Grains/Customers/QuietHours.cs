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

    /// <summary>When the span holding <paramref name="at"/> ends: the next <see cref="End"/> in the zone, as a UTC instant.</summary>
    public DateTimeOffset EndAfter(DateTimeOffset at)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var end = local.Date + End.ToTimeSpan();
        if (end <= local) end = end.AddDays(1);
        // An end that a spring-forward skips (02:30 on the night clocks go from 02:00 to 03:00) is the first minute after the gap.
        while (zone.IsInvalidTime(end)) end = end.AddMinutes(1);
        return new DateTimeOffset(end, zone.GetUtcOffset(end)).ToUniversalTime();
    }
}
