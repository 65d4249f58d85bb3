using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Dispatch;

namespace OrleansPortal.Web.LiveMap;

/// <summary>
/// What the dispatcher's page receives: a full snapshot on (re)connect, then batches of position changes; and from
/// dispatch, board changes (re-read the board), the alerts, and optimization progress.
/// </summary>
public interface ILiveMapClient
{
    Task Snapshot(IReadOnlyList<LiveTechnicianDto> technicians);

    Task Positions(IReadOnlyList<LivePositionDto> positions);

    Task BoardChanged(BoardChangedDto change);

    Task Alerts(IReadOnlyList<DispatchAlert> alerts);

    Task OptimizeProgress(OptimizeProgressDto progress);
}

/// <summary>A technician on the live map. Position is null until the first ping.</summary>
public sealed record LiveTechnicianDto(string Id, string Name, string Status, LivePositionDto? Position);

/// <summary>A position for the live map; clients keep, per technician, the one with the newest <see cref="Time"/>.</summary>
public sealed record LivePositionDto(string Id, string Name, string Status, double Lat, double Lon, double? Heading, double? SpeedKmh, DateTimeOffset Time, DateTimeOffset ReceivedAt);
