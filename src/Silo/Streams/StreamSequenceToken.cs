namespace Orleans.Streams;

/// <summary>The position of an event in its stream; events of one stream carry increasing sequence numbers.</summary>
public sealed record StreamSequenceToken(long SequenceNumber) : IComparable<StreamSequenceToken>
{
    public int CompareTo(StreamSequenceToken? other) => other is null ? 1 : SequenceNumber.CompareTo(other.SequenceNumber);
}
