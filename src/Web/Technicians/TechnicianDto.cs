using OrleansPortal.Grains;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Web.Technicians;

/// <summary>A technician as the API shows it to dispatchers. Token hashes never leave the grain; tokens are never kept.</summary>
/// <param name="HomeBaseAddress">How people name the home base; null when not given.</param>
/// <param name="Certifications">The schedule's certifications, each flagged when its expiry date has passed (in the schedule's time zone).</param>
public sealed record TechnicianDto(
    string Id,
    string Name,
    string? Phone,
    IReadOnlyList<string> Skills,
    GeoPoint? HomeBase,
    string? HomeBaseAddress,
    string? PhotoUrl,
    string Status,
    PositionDto? Position,
    DateTimeOffset? LastSeen,
    IReadOnlyList<DeviceDto> Devices,
    TechnicianSchedule Schedule,
    IReadOnlyList<CertificationDto> Certifications);

public sealed record PositionDto(double Lat, double Lon, DateTimeOffset Time, double? SpeedKmh, double? Heading, double? Accuracy);

/// <param name="TokenHint">The first characters of the token, to tell which phone holds it; null for tokens issued before hints were kept.</param>
/// <param name="LastUsedAt">When the device last sent positions; null until it has.</param>
public sealed record DeviceDto(string Id, string Label, string? TokenHint, DateTimeOffset IssuedAt, DateTimeOffset? LastUsedAt, bool Revoked);

/// <param name="Expired">The expiry date has passed: dispatch no longer counts the certification as a qualification.</param>
public sealed record CertificationDto(string Name, DateOnly? ExpiresOn, bool Expired);

public static class TechnicianDtoMapping
{
    /// <param name="now">What "expired" is measured against.</param>
    public static TechnicianDto AsDto(this TechnicianSnapshot t, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(t.Schedule.TimeZone)).DateTime);
        return new TechnicianDto(
            t.TechnicianId, t.Profile.Name, t.Profile.Phone, t.Profile.Skills, t.Profile.HomeBase, t.Profile.HomeBaseAddress, t.Profile.PhotoUrl,
            t.Status.ToString(), t.Position?.AsDto(), t.LastSeen, [.. t.Devices.Select(d => d.AsDto())], t.Schedule,
            [.. t.Schedule.Certifications.Select(c => new CertificationDto(c.Name, c.ExpiresOn, c.ExpiresOn < today))]);
    }

    public static DeviceDto AsDto(this DeviceSummary d) => new(d.DeviceId, d.Label, d.TokenHint, d.IssuedAt, d.LastUsedAt, d.Revoked);

    public static PositionDto AsDto(this GpsFix fix) => new(
        fix.Latitude, fix.Longitude, fix.Time,
        fix.SpeedMetersPerSecond is { } mps ? Math.Round(mps * 3.6, 1) : null,
        fix.HeadingDegrees, fix.AccuracyMeters);
}
