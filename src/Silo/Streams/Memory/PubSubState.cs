namespace Orleans.Streams;

/// <summary>The durable grain subscriptions of one stream, as kept in the PubSubStore grain storage.</summary>
internal sealed class PubSubState
{
    public List<PubSubEntry> Subscriptions { get; set; } = [];
}

internal sealed record PubSubEntry(Guid HandleId, string GrainType, string GrainKey);
