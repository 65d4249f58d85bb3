using OrleansPortal.Grains;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Technicians;

/// <summary>What a schedule must be before it is stored: a known time zone, shifts that end after they start, sane sizes.</summary>
public static class ScheduleValidation
{
    public static RequestValidation Validate(TechnicianSchedule s)
    {
        var validation = new RequestValidation()
            .Require(s.TimeZone is { Length: > 0 and <= InputLimits.Code } && TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZone, out _), "timeZone", "Not a known time zone (an IANA name such as Europe/Lisbon).")
            .Require(s.WorkingHours is { Count: <= TechnicianSchedule.MaxShifts }, "workingHours", $"At most {TechnicianSchedule.MaxShifts} shifts a week.")
            .Require(s.BlackoutDates is { Count: <= InputLimits.Days }, "blackoutDates", $"At most {InputLimits.Days} days off.")
            .Require(s.BufferBetweenJobs >= TimeSpan.Zero && s.BufferBetweenJobs <= TimeSpan.FromHours(4), "bufferBetweenJobs", "The buffer between jobs must be 0 to 4 hours.")
            .Require(s.Certifications is not null && s.Certifications.All(c => c is not null), "certifications", "A list of certifications (it may be empty) is required.")
            .Labels(s.Certifications?.Select(c => c?.Name).ToList(), "certifications", TechnicianSchedule.MaxCertifications,
                $"At most {TechnicianSchedule.MaxCertifications} certifications, each with a name of 1 to {InputLimits.Label} characters.")
            .Require(s.StartLocation is null or { Latitude: >= -90 and <= 90, Longitude: >= -180 and <= 180 }, "startLocation", "Latitude -90..90 and longitude -180..180.")
            .Require(s.EndLocation is null or { Latitude: >= -90 and <= 90, Longitude: >= -180 and <= 180 }, "endLocation", "Latitude -90..90 and longitude -180..180.");
        for (var i = 0; i < Math.Min(s.WorkingHours?.Count ?? 0, TechnicianSchedule.MaxShifts); i++)
        {
            var shift = s.WorkingHours![i];
            validation.Require(shift is not null && Enum.IsDefined(shift.Day) && shift.Start < shift.End, $"workingHours[{i}]", "A shift needs a weekday and must end after it starts (no shifts past midnight).");
        }

        return validation;
    }
}
