using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace OrleansPortal.Grains.Technicians.History;

/// <summary>
/// Encodes ping rows in PostgreSQL's binary COPY format (header, one tuple per ping in the column order of
/// <see cref="PostgresPingStore"/>'s COPY, trailer) straight into a byte buffer, for a raw binary COPY stream. The
/// driver's per-value import API resolves a type and awaits per column; this costs a few stores per value, which at
/// tens of thousands of pings a second is most of the writer's CPU. Values are narrowed as <see cref="StoredValues"/>
/// says, like every store does. Not thread-safe: one batch, one encoder.
/// </summary>
internal sealed class PingCopyEncoder : IDisposable
{
    // "PGCOPY\n\377\r\n\0", then flags (0: no OIDs) and the header extension length (0).
    private static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private const short ColumnCount = 12;

    // A row at most, besides its two texts: field count, 2 text lengths, 2 lengths + 2 timestamps, 2 lengths + 2 doubles,
    // 5 lengths + 5 floats (fewer bytes when a measurement is unknown), length + bool.
    private const int FixedRowBytes = 2 + 2 * 4 + 2 * (4 + 8) + 2 * (4 + 8) + 5 * (4 + 4) + (4 + 1);

    // PostgreSQL's timestamps count microseconds from 2000-01-01 UTC.
    private static readonly long PostgresEpochTicks = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    // Strict: a string the driver could not encode (a lone surrogate) is refused here too, as data (see IsRejectedData).
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _buffer;
    private int _length;

    public PingCopyEncoder(int capacity = 64 * 1024)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        Header.CopyTo(_buffer);
        _length = Header.Length;
    }

    /// <summary>What is encoded and not yet taken.</summary>
    public ReadOnlyMemory<byte> Encoded => _buffer.AsMemory(0, _length);

    /// <summary>Whether enough is encoded to be worth writing out.</summary>
    public bool IsFull => _length >= 60 * 1024;

    /// <summary>Forgets what was encoded (after it was written out); the header is written only once, at the start.</summary>
    public void Clear() => _length = 0;

    public void Add(PingRecord record)
    {
        var fix = record.Fix;
        var tenantBytes = Utf8.GetByteCount(record.TenantId);
        var technicianBytes = Utf8.GetByteCount(record.TechnicianId);
        var span = Reserve(FixedRowBytes + tenantBytes + technicianBytes);
        BinaryPrimitives.WriteInt16BigEndian(span, ColumnCount);
        var at = 2;
        at += Text(span[at..], record.TenantId, tenantBytes);
        at += Text(span[at..], record.TechnicianId, technicianBytes);
        at += Timestamp(span[at..], fix.Time);
        at += Timestamp(span[at..], record.ReceivedAt);
        at += Double(span[at..], fix.Latitude);
        at += Double(span[at..], fix.Longitude);
        at += Real(span[at..], fix.SpeedMetersPerSecond);
        at += Real(span[at..], fix.HeadingDegrees);
        at += Real(span[at..], fix.AltitudeMeters);
        at += Real(span[at..], fix.AccuracyMeters);
        at += Real(span[at..], fix.BatteryPercent);
        BinaryPrimitives.WriteInt32BigEndian(span[at..], 1);
        span[at + 4] = record.IsOutlier ? (byte)1 : (byte)0;
        _length -= span.Length - (at + 5); // give back the room the optional values did not need
    }

    /// <summary>The end of the COPY data.</summary>
    public void AddTrailer() => BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Room for <paramref name="bytes"/> more, counted as used; <see cref="Add"/> gives back what it did not fill.</summary>
    private Span<byte> Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var span = _buffer.AsSpan(_length, bytes);
        _length += bytes;
        return span;
    }

    private static int Text(Span<byte> span, string value, int bytes)
    {
        BinaryPrimitives.WriteInt32BigEndian(span, bytes);
        Utf8.GetBytes(value, span[4..]);
        return 4 + bytes;
    }

    private static int Timestamp(Span<byte> span, DateTimeOffset time)
    {
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], (StoredValues.Time(time).UtcTicks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
        return 12;
    }

    private static int Double(Span<byte> span, double value)
    {
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteDoubleBigEndian(span[4..], value);
        return 12;
    }

    private static int Real(Span<byte> span, double? value)
    {
        if (StoredValues.Measurement(value) is not { } stored)
        {
            BinaryPrimitives.WriteInt32BigEndian(span, -1); // NULL: no bytes follow
            return 4;
        }

        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteSingleBigEndian(span[4..], stored);
        return 8;
    }
}
