using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Grains.Geocoding;

/// <summary>
/// Reads addresses and street names from an OpenStreetMap PBF extract, the same file the road graph is built from:
/// nodes and ways with addr:housenumber and addr:street (or addr:place), ways placed at the mean of their nodes, and
/// every named highway way with its node positions. Nodes a way names but the extract cut off are left out; a way
/// left with no node is dropped.
/// </summary>
public static class OsmAddressReader
{
    // Highway values that are not a place anyone lives at or is sent to.
    private static readonly HashSet<string> NotStreets =
        ["proposed", "construction", "abandoned", "platform", "bus_stop", "raceway", "elevator", "corridor", "services", "rest_area", "escape"];

    public static OsmAddressData Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static OsmAddressData Read(Stream stream)
    {
        var handler = new AddressHandler();
        OsmPbfFile.Read(stream, handler);

        var addresses = handler.NodeAddresses;
        foreach (var (nodeIds, address) in handler.WayAddresses)
        {
            var points = handler.Locate(nodeIds);
            if (points.Count == 0) continue;
            // A closed way repeats its first node last; counting it twice would pull the mean towards that corner.
            if (points.Count > 1 && nodeIds[0] == nodeIds[^1]) points.RemoveAt(points.Count - 1);
            addresses.Add(address with { Location = new GeoPoint(points.Average(p => p.Latitude), points.Average(p => p.Longitude)) });
        }

        var streets = new List<OsmStreet>(handler.StreetWays.Count);
        foreach (var (nodeIds, street) in handler.StreetWays)
        {
            var points = handler.Locate(nodeIds);
            if (points.Count > 0) streets.Add(street with { Points = points });
        }
        return new OsmAddressData { Addresses = addresses, Streets = streets };
    }

    private sealed class AddressHandler : IOsmElementHandler
    {
        private readonly Dictionary<long, GeoPoint> _nodes = [];

        public List<OsmAddress> NodeAddresses { get; } = [];

        public List<(long[] NodeIds, OsmAddress Address)> WayAddresses { get; } = [];

        public List<(long[] NodeIds, OsmStreet Street)> StreetWays { get; } = [];

        public void Node(long id, GeoPoint location, in OsmTags tags)
        {
            _nodes[id] = location;
            if (tags.Count > 0 && Address(tags, location) is { } address) NodeAddresses.Add(address);
        }

        public void Way(long id, IReadOnlyList<long> nodeIds, in OsmTags tags)
        {
            if (tags.Count == 0 || nodeIds.Count == 0) return;
            if (Address(tags, default) is { } address) WayAddresses.Add(([.. nodeIds], address));
            if (tags["highway"] is { } highway && !NotStreets.Contains(highway) && Clean(tags["name"]) is { } name)
                StreetWays.Add(([.. nodeIds], new OsmStreet(name, highway, [], Clean(tags["postal_code"]) ?? Clean(tags["addr:postcode"]))));
        }

        public List<GeoPoint> Locate(long[] nodeIds)
        {
            var points = new List<GeoPoint>(nodeIds.Length);
            foreach (var id in nodeIds)
            {
                if (_nodes.TryGetValue(id, out var point)) points.Add(point);
            }
            return points;
        }

        private static OsmAddress? Address(in OsmTags tags, GeoPoint location)
        {
            var number = Clean(tags["addr:housenumber"]);
            var street = Clean(tags["addr:street"]) ?? Clean(tags["addr:place"]);
            return number is null || street is null ? null : new OsmAddress(street, number, Clean(tags["addr:postcode"]), Clean(tags["addr:city"]), location);
        }

        private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
