using OrleansPortal.Grains;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Technicians;

/// <summary>
/// What a schedule must be before it is stored: a known time zone, shifts with a length that do not overlap (a shift
/// may run past midnight: 22:00 to 06:00), dates in range, sane sizes. A certification that has already expired is
/// accepted (the record is still worth keeping) and shown as expired (<see cref="CertificationDto.Expired"/>).
/// </summary>
public static class ScheduleValidation
{
    private const int MinutesPerDay = 24 * 60, MinutesPerWeek = 7 * MinutesPerDay;

    public static RequestValidation Validate(TechnicianSchedule s)
    {
        var validation = new RequestValidation()
            .Require(s.TimeZone is { Length: > 0 and <= InputLimits.Code } && TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZone, out _), "timeZone", "Not a known time zone (an IANA name such as Europe/Lisbon).")
            .Require(s.WorkingHours is { Count: <= TechnicianSchedule.MaxShifts }, "workingHours", $"At most {TechnicianSchedule.MaxShifts} shifts a week.")
            .Require(s.BlackoutDates is { Count: <= InputLimits.Days }, "blackoutDates", $"At most {InputLimits.Days} days off.")
            .Require(s.BlackoutDates is null || s.BlackoutDates.All(InputLimits.IsInRange), "blackoutDates", $"Days off must be in the years {InputLimits.FirstYear} to {InputLimits.LastYear}.")
            .Require(s.BufferBetweenJobs >= TimeSpan.Zero && s.BufferBetweenJobs <= TimeSpan.FromHours(4), "bufferBetweenJobs", "The buffer between jobs must be 0 to 4 hours.")
            .Require(s.Certifications is not null && s.Certifications.All(c => c is not null), "certifications", "A list of certifications (it may be empty) is required.")
            .Labels(s.Certifications?.Select(c => c?.Name).ToList(), "certifications", TechnicianSchedule.MaxCertifications,
                $"At most {TechnicianSchedule.MaxCertifications} certifications, each with a name of 1 to {InputLimits.Label} characters.")
            .Require(s.Certifications is null || s.Certifications.All(c => c?.ExpiresOn is not { } day || InputLimits.IsInRange(day)), "certifications",
                $"Expiry dates must be in the years {InputLimits.FirstYear} to {InputLimits.LastYear}.")
            .Require(IsPlace(s.StartLocation), "startLocation", "Latitude -90..90 and longitude -180..180.")
            .Require(IsPlace(s.EndLocation), "endLocation", "Latitude -90..90 and longitude -180..180.");
        if (s.WorkingHours is not { Count: <= TechnicianSchedule.MaxShifts } shifts) return validation;

        for (var i = 0; i < shifts.Count; i++)
        {
            var shift = shifts[i];
            validation.Require(shift is not null && Enum.IsDefined(shift.Day) && shift.Start != shift.End, $"workingHours[{i}]",
                "A shift needs a weekday and must end at another time than it starts (an end before the start runs past midnight: 22:00 to 06:00).");
        }

        // Overlaps are checked on the week as a circle, so Sunday night's shift meets Monday morning's.
        var spans = shifts.Select((shift, i) => (Index: i, Shift: shift)).Where(x => x.Shift is not null && Enum.IsDefined(x.Shift.Day) && x.Shift.Start != x.Shift.End).ToList();
        foreach (var (i, a) in spans)
        {
            if (spans.FirstOrDefault(b => b.Index < i && Overlap(a, b.Shift)) is { Shift: { } other })
                validation.Add($"workingHours[{i}]", $"This shift overlaps the one on {other.Day} {other.Start:HH:mm}-{other.End:HH:mm}.");
        }

        return validation;
    }

    /// <summary>A latitude in -90..90 and a longitude in -180..180, or none.</summary>
    public static bool IsPlace(GeoPoint? point) => point is null or { Latitude: >= -90 and <= 90, Longitude: >= -180 and <= 180 };

    private static bool Overlap(WorkingHours a, WorkingHours b)
    {
        var (aStart, aEnd) = Minutes(a);
        var (bStart, bEnd) = Minutes(b);
        foreach (var shift in (ReadOnlySpan<int>)[-MinutesPerWeek, 0, MinutesPerWeek])
            if (aStart < bEnd + shift && bStart + shift < aEnd) return true;
        return false;
    }

    /// <summary>Start and end in minutes from Sunday 00:00; the end may pass the week's end.</summary>
    private static (int Start, int End) Minutes(WorkingHours shift)
    {
        var start = (int)shift.Day * MinutesPerDay + (int)shift.Start.ToTimeSpan().TotalMinutes;
        return (start, start + (int)Math.Ceiling((shift.End - shift.Start).TotalMinutes));
    }
}
