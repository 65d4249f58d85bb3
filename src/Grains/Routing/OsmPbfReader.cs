namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Reads the drivable road network from an OpenStreetMap PBF file (decoded by <see cref="OsmPbfFile"/>). Only what
/// routing needs is kept: ways with a car-usable highway=* tag, their direction and numeric maxspeed, and the nodes
/// they reference. Relations (turn restrictions) are ignored.
/// </summary>
public static class OsmPbfReader
{
    // Roads a car may use; footway, path, steps, cycleway, pedestrian, track and the like are left out.
    private static readonly HashSet<string> DrivableHighways =
    [
        "motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary", "secondary_link",
        "tertiary", "tertiary_link", "unclassified", "residential", "living_street", "service", "road",
    ];

    public static OsmRoadData Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static OsmRoadData Read(Stream stream)
    {
        var state = new RoadHandler();
        OsmPbfFile.Read(stream, state);

        var used = new Dictionary<long, GeoPoint>();
        var ways = new List<OsmWay>(state.Ways.Count);
        foreach (var way in state.Ways)
        {
            // Extracts cut at a bounding box keep ways whose nodes lie partly outside; drop the missing nodes.
            var present = Array.FindAll(way.NodeIds, state.Nodes.ContainsKey);
            if (present.Length < 2)
            {
                continue;
            }
            foreach (var id in present)
            {
                used[id] = state.Nodes[id];
            }
            ways.Add(present.Length == way.NodeIds.Length ? way : way with { NodeIds = present });
        }
        return new OsmRoadData { Nodes = used, Ways = ways, NodesInFile = state.NodeCount, WaysInFile = state.WayCount };
    }

    private sealed class RoadHandler : IOsmElementHandler
    {
        public Dictionary<long, GeoPoint> Nodes { get; } = [];
        public List<OsmWay> Ways { get; } = [];
        public long NodeCount { get; private set; }
        public long WayCount { get; private set; }

        public void Node(long id, GeoPoint location, in OsmTags tags)
        {
            Nodes[id] = location;
            NodeCount++;
        }

        public void Way(long id, IReadOnlyList<long> nodeIds, in OsmTags tags)
        {
            WayCount++;
            var highway = tags["highway"];
            if (highway is null || !DrivableHighways.Contains(highway) || nodeIds.Count < 2)
            {
                return;
            }
            var (forward, backward) = Directions(highway, tags["oneway"], tags["junction"]);
            Ways.Add(new OsmWay(id, [.. nodeIds], highway, forward, backward, ParseMaxSpeed(tags["maxspeed"])));
        }
    }

    private static (bool Forward, bool Backward) Directions(string highway, string? oneway, string? junction) => oneway switch
    {
        "yes" or "true" or "1" => (true, false),
        "-1" or "reverse" => (false, true),
        "no" or "false" or "0" => (true, true),
        // Motorways and roundabouts are one-way unless tagged otherwise.
        _ when highway is "motorway" || junction is "roundabout" or "circular" => (true, false),
        _ => (true, true),
    };

    private static double? ParseMaxSpeed(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var trimmed = value.Trim();
        var mph = trimmed.EndsWith("mph", StringComparison.Ordinal);
        if (mph)
        {
            trimmed = trimmed[..^3].Trim();
        }
        return double.TryParse(trimmed, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var speed) && speed > 0
            ? (mph ? speed * 1.609344 : speed)
            : null;
    }
}
