using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Decodes an OpenStreetMap PBF file: a sequence of (4-byte big-endian header length, BlobHeader, Blob), each OSMData
/// blob a zlib-compressed PrimitiveBlock of nodes (plain or dense) and ways, which it hands with their tags to an
/// <see cref="IOsmElementHandler"/>. What to keep is the handler's business: the road graph keeps drivable ways, the
/// geocoder addresses and street names. Relations are skipped.
/// </summary>
internal static class OsmPbfFile
{
    // The format's own limits: a BlobHeader under 64 KiB, a blob (packed or unpacked) under 32 MiB.
    private const int MaxHeaderBytes = 64 * 1024, MaxBlobBytes = 32 * 1024 * 1024;

    /// <summary>
    /// Reads the whole stream. A file cut short throws <see cref="EndOfStreamException"/>; one that is not PBF, or is
    /// corrupt, <see cref="InvalidDataException"/>.
    /// </summary>
    public static void Read(Stream stream, IOsmElementHandler handler)
    {
        try
        {
            ReadBlobs(stream, handler);
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException or OutOfMemoryException)
        {
            // A length or index read from a corrupt block points outside it (or asks for an impossible buffer).
            throw new InvalidDataException("The file is not a valid OpenStreetMap PBF extract.", ex);
        }
    }

    private static void ReadBlobs(Stream stream, IOsmElementHandler handler)
    {
        var lengthBytes = new byte[4];
        var scratch = new Scratch();
        while (stream.ReadAtLeast(lengthBytes, 4, throwOnEndOfStream: false) == 4)
        {
            var headerLength = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
            if (headerLength is < 0 or > MaxHeaderBytes) throw new InvalidDataException("The file is not a valid OpenStreetMap PBF extract.");
            var header = ReadExactly(stream, headerLength);
            var (type, dataSize) = ParseBlobHeader(header);
            if (dataSize is < 0 or > MaxBlobBytes) throw new InvalidDataException("A PBF blob is larger than the format allows.");
            var blob = ReadExactly(stream, dataSize);
            // OSMHeader holds only the bounding box and required features; other blob types are to be skipped.
            if (type == "OSMData")
            {
                ParsePrimitiveBlock(Unpack(blob), handler, scratch);
            }
        }
    }

    /// <summary>Lists reused from element to element, so a file of millions of nodes does not allocate per node.</summary>
    private sealed class Scratch
    {
        public List<long> Ids { get; } = [];
        public List<long> Lats { get; } = [];
        public List<long> Lons { get; } = [];
        public List<long> KeysVals { get; } = [];
        public List<long> Keys { get; } = [];
        public List<long> Values { get; } = [];
        public List<long> Refs { get; } = [];
        public List<int> TagEnds { get; } = [];

        public void Clear()
        {
            Ids.Clear();
            Lats.Clear();
            Lons.Clear();
            KeysVals.Clear();
            Keys.Clear();
            Values.Clear();
            Refs.Clear();
            TagEnds.Clear();
        }
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
        if (rawSize is < 0 or > MaxBlobBytes) throw new InvalidDataException("A PBF blob is larger than the format allows.");
        var output = new byte[rawSize];
        using var inflater = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        inflater.ReadExactly(output);
        return output;
    }

    private static void ParsePrimitiveBlock(ReadOnlySpan<byte> block, IOsmElementHandler handler, Scratch scratch)
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
        var context = new Block(strings, new Coordinates(granularity, latOffset, lonOffset), handler, scratch);
        reader = new ProtoReader(block);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 2) ParseGroup(reader.ReadBytes(), context);
            else reader.Skip(wire);
        }
    }

    private sealed record Block(List<string> Strings, Coordinates Coordinates, IOsmElementHandler Handler, Scratch Scratch)
    {
        public void CheckStrings(List<long> indexes)
        {
            foreach (var i in indexes)
            {
                if ((ulong)i >= (ulong)Strings.Count) throw new InvalidDataException("A tag names a string the block does not have.");
            }
        }
    }

    private readonly record struct Coordinates(long Granularity, long LatOffset, long LonOffset)
    {
        public GeoPoint ToPoint(long lat, long lon) =>
            new((LatOffset + Granularity * lat) * 1e-9, (LonOffset + Granularity * lon) * 1e-9);
    }

    private static void ParseGroup(ReadOnlySpan<byte> group, Block block)
    {
        var reader = new ProtoReader(group);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: ParseNode(reader.ReadBytes(), block); break;
                case 2: ParseDenseNodes(reader.ReadBytes(), block); break;
                case 3: ParseWay(reader.ReadBytes(), block); break;
                default: reader.Skip(wire); break;
            }
        }
    }

    private static void ParseNode(ReadOnlySpan<byte> node, Block block)
    {
        var s = block.Scratch;
        s.Clear();
        var reader = new ProtoReader(node);
        long id = 0, lat = 0, lon = 0;
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: id = reader.ReadSignedVarint(); break;
                case 2: reader.ReadRepeated(wire, s.Keys, signed: false); break;
                case 3: reader.ReadRepeated(wire, s.Values, signed: false); break;
                case 8: lat = reader.ReadSignedVarint(); break;
                case 9: lon = reader.ReadSignedVarint(); break;
                default: reader.Skip(wire); break;
            }
        }
        block.CheckStrings(s.Keys);
        block.CheckStrings(s.Values);
        block.Handler.Node(id, block.Coordinates.ToPoint(lat, lon), new OsmTags(block.Strings, s.Keys, s.Values, 0, Math.Min(s.Keys.Count, s.Values.Count)));
    }

    private static void ParseDenseNodes(ReadOnlySpan<byte> dense, Block block)
    {
        var s = block.Scratch;
        s.Clear();
        var reader = new ProtoReader(dense);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: reader.ReadRepeated(wire, s.Ids, signed: true); break;
                case 8: reader.ReadRepeated(wire, s.Lats, signed: true); break;
                case 9: reader.ReadRepeated(wire, s.Lons, signed: true); break;
                case 10: reader.ReadRepeated(wire, s.KeysVals, signed: false); break;
                default: reader.Skip(wire); break;
            }
        }
        if (s.Lats.Count != s.Ids.Count || s.Lons.Count != s.Ids.Count)
        {
            throw new InvalidDataException("Dense nodes with mismatched id, lat and lon counts.");
        }
        block.CheckStrings(s.KeysVals);

        // keys_vals is (key, value)* 0 per node, or empty when no node of the block has tags.
        for (var i = 0; i < s.KeysVals.Count; i++)
        {
            if (s.KeysVals[i] == 0)
            {
                s.TagEnds.Add(s.Keys.Count);
            }
            else if (i + 1 < s.KeysVals.Count)
            {
                s.Keys.Add(s.KeysVals[i]);
                s.Values.Add(s.KeysVals[++i]);
            }
        }
        long id = 0, lat = 0, lon = 0;
        for (var i = 0; i < s.Ids.Count; i++)
        {
            id += s.Ids[i]; // all three are delta-coded
            lat += s.Lats[i];
            lon += s.Lons[i];
            var (start, end) = i < s.TagEnds.Count ? (i == 0 ? 0 : s.TagEnds[i - 1], s.TagEnds[i]) : (0, 0);
            block.Handler.Node(id, block.Coordinates.ToPoint(lat, lon), new OsmTags(block.Strings, s.Keys, s.Values, start, end - start));
        }
    }

    private static void ParseWay(ReadOnlySpan<byte> way, Block block)
    {
        var s = block.Scratch;
        s.Clear();
        long id = 0;
        var reader = new ProtoReader(way);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: id = (long)reader.ReadVarint(); break;
                case 2: reader.ReadRepeated(wire, s.Keys, signed: false); break;
                case 3: reader.ReadRepeated(wire, s.Values, signed: false); break;
                case 8: reader.ReadRepeated(wire, s.Refs, signed: true); break;
                default: reader.Skip(wire); break;
            }
        }
        block.CheckStrings(s.Keys);
        block.CheckStrings(s.Values);
        long node = 0;
        for (var i = 0; i < s.Refs.Count; i++)
        {
            node += s.Refs[i]; // delta-coded
            s.Refs[i] = node;
        }
        block.Handler.Way(id, s.Refs, new OsmTags(block.Strings, s.Keys, s.Values, 0, Math.Min(s.Keys.Count, s.Values.Count)));
    }
}
