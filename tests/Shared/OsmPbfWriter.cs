using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace OrleansPortal.Testing;

/// <summary>
/// Writes a small OpenStreetMap PBF file, as osmium would, for tests that need an extract with exactly these streets and
/// addresses: an OSMHeader blob, then one zlib-compressed data block of nodes and one of ways. Untagged nodes are
/// written dense and tagged ones plain, both encodings the format allows, so readers meet both.
/// </summary>
public sealed class OsmPbfWriter
{
    private readonly List<(long Id, double Lat, double Lon, (string Key, string Value)[] Tags)> _nodes = [];
    private readonly List<(long Id, long[] Refs, (string Key, string Value)[] Tags)> _ways = [];
    private long _nextId = 1000;

    /// <summary>Adds a node; returns its id.</summary>
    public long Node(double latitude, double longitude, params (string Key, string Value)[] tags)
    {
        var id = _nextId++;
        _nodes.Add((id, latitude, longitude, tags));
        return id;
    }

    /// <summary>Adds a way through the given nodes; returns its id.</summary>
    public long Way(IReadOnlyList<long> nodeIds, params (string Key, string Value)[] tags)
    {
        var id = _nextId++;
        _ways.Add((id, [.. nodeIds], tags));
        return id;
    }

    /// <summary>A way through new untagged nodes at these points: a street as OpenStreetMap draws one.</summary>
    public long Line(IEnumerable<(double Latitude, double Longitude)> points, params (string Key, string Value)[] tags) =>
        Way([.. points.Select(p => Node(p.Latitude, p.Longitude))], tags);

    public void Save(string path) => File.WriteAllBytes(path, ToArray());

    public byte[] ToArray()
    {
        using var file = new MemoryStream();
        var header = new Message().Bytes(4, "OsmSchema-V0.6").Bytes(4, "DenseNodes");
        WriteBlob(file, "OSMHeader", header.ToArray());

        var strings = new StringTable();
        var group = new Message();
        var dense = _nodes.Where(n => n.Tags.Length == 0).ToList();
        if (dense.Count > 0)
        {
            group.Nested(2, new Message()
                .Packed(1, Deltas(dense.Select(n => n.Id)), signed: true)
                .Packed(8, Deltas(dense.Select(n => Nano(n.Lat))), signed: true)
                .Packed(9, Deltas(dense.Select(n => Nano(n.Lon))), signed: true));
        }
        foreach (var node in _nodes.Where(n => n.Tags.Length > 0))
        {
            group.Nested(1, new Message()
                .Signed(1, node.Id)
                .Packed(2, node.Tags.Select(t => strings.Of(t.Key)), signed: false)
                .Packed(3, node.Tags.Select(t => strings.Of(t.Value)), signed: false)
                .Signed(8, Nano(node.Lat))
                .Signed(9, Nano(node.Lon)));
        }
        WriteBlob(file, "OSMData", Block(strings, group));

        strings = new StringTable();
        group = new Message();
        foreach (var way in _ways)
        {
            group.Nested(3, new Message()
                .Varint(1, (ulong)way.Id)
                .Packed(2, way.Tags.Select(t => strings.Of(t.Key)), signed: false)
                .Packed(3, way.Tags.Select(t => strings.Of(t.Value)), signed: false)
                .Packed(8, Deltas(way.Refs), signed: true));
        }
        WriteBlob(file, "OSMData", Block(strings, group));
        return file.ToArray();
    }

    // Coordinates in units of the default granularity, 100 nanodegrees.
    private static long Nano(double degrees) => (long)Math.Round(degrees * 1e7);

    private static IEnumerable<long> Deltas(IEnumerable<long> values)
    {
        long previous = 0;
        foreach (var value in values)
        {
            yield return value - previous;
            previous = value;
        }
    }

    private static byte[] Block(StringTable strings, Message group)
    {
        var table = new Message();
        foreach (var s in strings.All) table.Bytes(1, s);
        return new Message().Nested(1, table).Nested(2, group).ToArray();
    }

    private static void WriteBlob(Stream file, string type, byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        var blob = new Message().Varint(2, (ulong)data.Length).Bytes(3, compressed.ToArray()).ToArray();
        var header = new Message().Bytes(1, type).Varint(3, (ulong)blob.Length).ToArray();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, header.Length);
        file.Write(length);
        file.Write(header);
        file.Write(blob);
    }

    /// <summary>The block's strings; index 0 is the empty string, as the format reserves it.</summary>
    private sealed class StringTable
    {
        private readonly Dictionary<string, long> _index = new() { [""] = 0 };

        public List<string> All { get; } = [""];

        public long Of(string s)
        {
            if (!_index.TryGetValue(s, out var i))
            {
                _index[s] = i = All.Count;
                All.Add(s);
            }
            return i;
        }
    }

    /// <summary>A protobuf message being written, field by field.</summary>
    private sealed class Message
    {
        private readonly MemoryStream _bytes = new();

        public Message Varint(int field, ulong value)
        {
            Tag(field, 0);
            Raw(value);
            return this;
        }

        public Message Signed(int field, long value) => Varint(field, ZigZag(value));

        public Message Bytes(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public Message Bytes(int field, byte[] value)
        {
            Tag(field, 2);
            Raw((ulong)value.Length);
            _bytes.Write(value);
            return this;
        }

        public Message Nested(int field, Message value) => Bytes(field, value.ToArray());

        public Message Packed(int field, IEnumerable<long> values, bool signed)
        {
            var packed = new Message();
            foreach (var value in values) packed.Raw(signed ? ZigZag(value) : (ulong)value);
            return Bytes(field, packed.ToArray());
        }

        public byte[] ToArray() => _bytes.ToArray();

        private void Tag(int field, int wireType) => Raw((ulong)(field << 3 | wireType));

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _bytes.WriteByte((byte)value);
        }

        private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
    }
}
