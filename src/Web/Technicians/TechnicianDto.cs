using OrleansPortal.Grains;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Web.Technicians;

/// <summary>A technician as the API shows it to dispatchers. Token hashes never leave the grain.</summary>
public sealed record TechnicianDto(
    string Id,
    string Name,
    IReadOnlyList<string> Skills,
    GeoPoint? HomeBase,
    string? PhotoUrl,
    string Status,
    PositionDto? Position,
    DateTimeOffset? LastSeen,
    IReadOnlyList<DeviceDto> Devices,
    TechnicianSchedule Schedule);

public sealed record PositionDto(double Lat, double Lon, DateTimeOffset Time, double? SpeedKmh, double? Heading, double? Accuracy);

public sealed record DeviceDto(string Id, string Label, DateTimeOffset IssuedAt, bool Revoked);

public static class TechnicianDtoMapping
{
    public static TechnicianDto AsDto(this TechnicianSnapshot t) => new(
        t.TechnicianId, t.Profile.Name, t.Profile.Skills, t.Profile.HomeBase, t.Profile.PhotoUrl,
        t.Status.ToString(), t.Position?.AsDto(), t.LastSeen,
        [.. t.Devices.Select(d => new DeviceDto(d.DeviceId, d.Label, d.IssuedAt, d.Revoked))], t.Schedule);

    public static PositionDto AsDto(this GpsFix fix) => new(
        fix.Latitude, fix.Longitude, fix.Time,
        fix.SpeedMetersPerSecond is { } mps ? Math.Round(mps * 3.6, 1) : null,
        fix.HeadingDegrees, fix.AccuracyMeters);
}
