namespace OrleansPortal.Grains.Routing;

/// <summary>What <see cref="OsmPbfReader"/> keeps from an extract: drivable ways and the positions of the nodes they use.</summary>
public sealed class OsmRoadData
{
    public required IReadOnlyDictionary<long, GeoPoint> Nodes { get; init; }

    public required IReadOnlyList<OsmWay> Ways { get; init; }

    /// <summary>Every node and way in the file, routable or not, so callers can check they read the whole file.</summary>
    public required long NodesInFile { get; init; }

    public required long WaysInFile { get; init; }
}
