using Orleans.Runtime;

namespace Orleans.Streams;

/// <summary>
/// A stream's subscribers and sequence counter. <see cref="Subscribers"/> is replaced, never mutated, so producers
/// read it without a lock; changes to it (and to the durable list) are serialized by <see cref="Gate"/>.
/// </summary>
internal sealed class StreamRecord(StreamId streamId)
{
    private long _sequence;

    public StreamId StreamId { get; } = streamId;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public volatile bool Loaded;

    public Subscription[] Subscribers { get; set; } = [];

    /// <summary>The durable grain subscriptions; null when the provider has no PubSubStore.</summary>
    public PersistentState<PubSubState>? Store { get; set; }

    public StreamSequenceToken NextToken() => new(Interlocked.Increment(ref _sequence));

    public void Publish(object? item)
    {
        var token = NextToken();
        foreach (var subscription in Subscribers) subscription.Enqueue(item, token);
    }
}
