namespace OrleansPortal.Web.LiveMap;

/// <summary>What the live map page receives: a full snapshot on (re)connect, then batches of position changes.</summary>
public interface ILiveMapClient
{
    Task Snapshot(IReadOnlyList<LiveTechnicianDto> technicians);

    Task Positions(IReadOnlyList<LivePositionDto> positions);
}

/// <summary>A technician on the live map. Position is null until the first ping.</summary>
public sealed record LiveTechnicianDto(string Id, string Name, string Status, LivePositionDto? Position);

/// <summary>A position for the live map; clients keep, per technician, the one with the newest <see cref="Time"/>.</summary>
public sealed record LivePositionDto(string Id, string Name, string Status, double Lat, double Lon, double? Heading, double? SpeedKmh, DateTimeOffset Time, DateTimeOffset ReceivedAt);
