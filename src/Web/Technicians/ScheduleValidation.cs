using OrleansPortal.Grains.Technicians;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Technicians;

/// <summary>What a schedule must be before it is stored: a known time zone, shifts that end after they start, sane sizes.</summary>
public static class ScheduleValidation
{
    public static RequestValidation Validate(TechnicianSchedule s)
    {
        var validation = new RequestValidation()
            .Require(s.TimeZone is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZone, out _), "timeZone", $"'{s.TimeZone}' is not a known time zone (an IANA name such as Europe/Lisbon).")
            .Require(s.WorkingHours is { Count: <= 28 }, "workingHours", "At most 28 shifts a week.")
            .Require(s.BlackoutDates is { Count: <= 366 }, "blackoutDates", "At most 366 days off.")
            .Require(s.BufferBetweenJobs >= TimeSpan.Zero && s.BufferBetweenJobs <= TimeSpan.FromHours(4), "bufferBetweenJobs", "The buffer between jobs must be 0 to 4 hours.")
            .Require(s.Certifications is { Count: <= 50 } && s.Certifications.All(c => c is { Name.Length: > 0 and <= 50 }), "certifications", "At most 50 certifications, each with a name of 1 to 50 characters.")
            .Require(s.StartLocation is null or { Latitude: >= -90 and <= 90, Longitude: >= -180 and <= 180 }, "startLocation", "Latitude -90..90 and longitude -180..180.")
            .Require(s.EndLocation is null or { Latitude: >= -90 and <= 90, Longitude: >= -180 and <= 180 }, "endLocation", "Latitude -90..90 and longitude -180..180.");
        for (var i = 0; i < (s.WorkingHours?.Count ?? 0); i++)
        {
            var shift = s.WorkingHours![i];
            validation.Require(shift is not null && Enum.IsDefined(shift.Day) && shift.Start < shift.End, $"workingHours[{i}]", "A shift needs a weekday and must end after it starts (no shifts past midnight).");
        }

        return validation;
    }
}
