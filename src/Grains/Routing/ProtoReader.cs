namespace OrleansPortal.Grains.Routing;

/// <summary>
/// A forward-only reader of the protobuf wire format over a byte span. Hand-written because the PBF reader needs
/// only a handful of fields and reading packed arrays straight from the span avoids allocating per element.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    public const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool AtEnd => _position >= _data.Length;

    /// <summary>Reads the next tag; false at the end of the message.</summary>
    public bool Next(out int field, out int wireType)
    {
        if (AtEnd)
        {
            field = wireType = 0;
            return false;
        }
        var tag = ReadVarint();
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }
        throw new InvalidDataException("Malformed varint.");
    }

    public long ReadSignedVarint()
    {
        var raw = ReadVarint();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = checked((int)ReadVarint());
        var bytes = _data.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint: ReadVarint(); break;
            case Fixed64: _position += 8; break;
            case LengthDelimited: ReadBytes(); break;
            case Fixed32: _position += 4; break;
            default: throw new InvalidDataException($"Unsupported protobuf wire type {wireType}.");
        }
    }

    /// <summary>
    /// Appends the values of a repeated integer field, packed or not (the spec lets writers choose), zigzag-decoded
    /// when <paramref name="signed"/>.
    /// </summary>
    public void ReadRepeated(int wireType, List<long> into, bool signed)
    {
        if (wireType != LengthDelimited)
        {
            into.Add(signed ? ReadSignedVarint() : (long)ReadVarint());
            return;
        }
        var packed = new ProtoReader(ReadBytes());
        while (!packed.AtEnd)
        {
            into.Add(signed ? packed.ReadSignedVarint() : (long)packed.ReadVarint());
        }
    }
}
