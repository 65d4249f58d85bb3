using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Reads the drivable road network from an OpenStreetMap PBF file: a sequence of (4-byte big-endian header
/// length, BlobHeader, Blob), each OSMData blob a zlib-compressed PrimitiveBlock. Only what routing needs is kept:
/// ways with a car-usable highway=* tag, their direction and numeric maxspeed, and the nodes they reference.
/// Relations (turn restrictions) are ignored.
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
        var state = new ReadState();
        var lengthBytes = new byte[4];
        while (stream.ReadAtLeast(lengthBytes, 4, throwOnEndOfStream: false) == 4)
        {
            var headerLength = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
            var header = ReadExactly(stream, headerLength);
            var (type, dataSize) = ParseBlobHeader(header);
            var blob = ReadExactly(stream, dataSize);
            // OSMHeader holds only the bounding box and required features; other blob types are to be skipped.
            if (type == "OSMData")
            {
                ParsePrimitiveBlock(Unpack(blob), state);
            }
        }

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

    private sealed class ReadState
    {
        public Dictionary<long, GeoPoint> Nodes { get; } = [];
        public List<OsmWay> Ways { get; } = [];
        public long NodeCount { get; set; }
        public long WayCount { get; set; }
    }

    private static byte[] ReadExactly(Stream stream, int length)
    {
        var buffer = new byte[length];
        stream.ReadExactly(buffer);
        return buffer;
    }

    private static (string Type, int DataSize) ParseBlobHeader(ReadOnlySpan<byte> header)
    {
        var reader = new ProtoReader(header);
        string type = "";
        var size = 0;
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: type = Encoding.UTF8.GetString(reader.ReadBytes()); break;
                case 3: size = (int)reader.ReadVarint(); break;
                default: reader.Skip(wire); break;
            }
        }
        return (type, size);
    }

    private static byte[] Unpack(ReadOnlySpan<byte> blob)
    {
        var reader = new ProtoReader(blob);
        var rawSize = 0;
        byte[]? raw = null, zlib = null;
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: raw = reader.ReadBytes().ToArray(); break;
                case 2: rawSize = (int)reader.ReadVarint(); break;
                case 3: zlib = reader.ReadBytes().ToArray(); break;
                case 4 or 5 or 6 or 7: throw new InvalidDataException("Only raw and zlib PBF blobs are supported.");
                default: reader.Skip(wire); break;
            }
        }
        if (raw is not null)
        {
            return raw;
        }
        if (zlib is null)
        {
            throw new InvalidDataException("A PBF blob holds no data.");
        }
        var output = new byte[rawSize];
        using var inflater = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        inflater.ReadExactly(output);
        return output;
    }

    private static void ParsePrimitiveBlock(ReadOnlySpan<byte> block, ReadState state)
    {
        // Granularity and offsets may follow the groups on the wire, so a first pass reads them and the strings.
        var strings = new List<string>();
        long granularity = 100, latOffset = 0, lonOffset = 0;
        var reader = new ProtoReader(block);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    var table = new ProtoReader(reader.ReadBytes());
                    while (table.Next(out var f, out var w))
                    {
                        if (f == 1) strings.Add(Encoding.UTF8.GetString(table.ReadBytes()));
                        else table.Skip(w);
                    }
                    break;
                case 17: granularity = (long)reader.ReadVarint(); break;
                case 19: latOffset = (long)reader.ReadVarint(); break;
                case 20: lonOffset = (long)reader.ReadVarint(); break;
                default: reader.Skip(wire); break;
            }
        }
        var coordinates = new Coordinates(granularity, latOffset, lonOffset);
        reader = new ProtoReader(block);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 2) ParseGroup(reader.ReadBytes(), strings, coordinates, state);
            else reader.Skip(wire);
        }
    }

    private readonly record struct Coordinates(long Granularity, long LatOffset, long LonOffset)
    {
        public GeoPoint ToPoint(long lat, long lon) =>
            new((LatOffset + Granularity * lat) * 1e-9, (LonOffset + Granularity * lon) * 1e-9);
    }

    private static void ParseGroup(ReadOnlySpan<byte> group, List<string> strings, Coordinates coordinates, ReadState state)
    {
        var reader = new ProtoReader(group);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: ParseNode(reader.ReadBytes(), coordinates, state); break;
                case 2: ParseDenseNodes(reader.ReadBytes(), coordinates, state); break;
                case 3: ParseWay(reader.ReadBytes(), strings, state); break;
                default: reader.Skip(wire); break;
            }
        }
    }

    private static void ParseNode(ReadOnlySpan<byte> node, Coordinates coordinates, ReadState state)
    {
        var reader = new ProtoReader(node);
        long id = 0, lat = 0, lon = 0;
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: id = reader.ReadSignedVarint(); break;
                case 8: lat = reader.ReadSignedVarint(); break;
                case 9: lon = reader.ReadSignedVarint(); break;
                default: reader.Skip(wire); break;
            }
        }
        state.Nodes[id] = coordinates.ToPoint(lat, lon);
        state.NodeCount++;
    }

    private static void ParseDenseNodes(ReadOnlySpan<byte> dense, Coordinates coordinates, ReadState state)
    {
        var ids = new List<long>();
        var lats = new List<long>();
        var lons = new List<long>();
        var reader = new ProtoReader(dense);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: reader.ReadRepeated(wire, ids, signed: true); break;
                case 8: reader.ReadRepeated(wire, lats, signed: true); break;
                case 9: reader.ReadRepeated(wire, lons, signed: true); break;
                default: reader.Skip(wire); break;
            }
        }
        if (lats.Count != ids.Count || lons.Count != ids.Count)
        {
            throw new InvalidDataException("Dense nodes with mismatched id, lat and lon counts.");
        }
        long id = 0, lat = 0, lon = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            id += ids[i]; // all three are delta-coded
            lat += lats[i];
            lon += lons[i];
            state.Nodes[id] = coordinates.ToPoint(lat, lon);
        }
        state.NodeCount += ids.Count;
    }

    private static void ParseWay(ReadOnlySpan<byte> way, List<string> strings, ReadState state)
    {
        state.WayCount++;
        var keys = new List<long>();
        var values = new List<long>();
        var refs = new List<long>();
        long id = 0;
        var reader = new ProtoReader(way);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: id = (long)reader.ReadVarint(); break;
                case 2: reader.ReadRepeated(wire, keys, signed: false); break;
                case 3: reader.ReadRepeated(wire, values, signed: false); break;
                case 8: reader.ReadRepeated(wire, refs, signed: true); break;
                default: reader.Skip(wire); break;
            }
        }

        string? highway = null, oneway = null, maxspeed = null, junction = null;
        for (var i = 0; i < Math.Min(keys.Count, values.Count); i++)
        {
            var value = strings[(int)values[i]];
            switch (strings[(int)keys[i]])
            {
                case "highway": highway = value; break;
                case "oneway": oneway = value; break;
                case "maxspeed": maxspeed = value; break;
                case "junction": junction = value; break;
            }
        }
        if (highway is null || !DrivableHighways.Contains(highway) || refs.Count < 2)
        {
            return;
        }

        var nodeIds = new long[refs.Count];
        long node = 0;
        for (var i = 0; i < refs.Count; i++)
        {
            node += refs[i];
            nodeIds[i] = node;
        }
        var (forward, backward) = Directions(highway, oneway, junction);
        state.Ways.Add(new OsmWay(id, nodeIds, highway, forward, backward, ParseMaxSpeed(maxspeed)));
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
