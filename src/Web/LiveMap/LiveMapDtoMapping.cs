using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Web.LiveMap;

public static class LiveMapDtoMapping
{
    public static LiveTechnicianDto AsLiveDto(this LiveTechnician t) => new(
        t.TechnicianId, t.Name, t.Status.ToString(),
        t.Position is null ? null : Position(t.TechnicianId, t.Name, t.Status, t.Position, t.LastSeen ?? t.Position.Time));

    public static LivePositionDto AsLiveDto(this TechnicianPositionChanged change) =>
        Position(change.TechnicianId, change.Name, change.Status, change.Fix, change.ReceivedAt);

    private static LivePositionDto Position(string id, string name, TechnicianStatus status, GpsFix fix, DateTimeOffset receivedAt) => new(
        id, name, status.ToString(), fix.Latitude, fix.Longitude, fix.HeadingDegrees,
        fix.SpeedMetersPerSecond is { } mps ? Math.Round(mps * 3.6, 1) : null, fix.Time, receivedAt);
}
