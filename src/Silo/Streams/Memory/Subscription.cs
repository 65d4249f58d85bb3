using Orleans.Runtime;

namespace Orleans.Streams;

/// <summary>
/// One subscriber of one stream, with its own ordered queue: events are delivered one at a time, in the order
/// produced, and a slow subscriber delays only itself. The pump runs on the thread pool, outside the producer's
/// turn and call chain.
/// </summary>
internal abstract class Subscription(Guid handleId, StreamId streamId, SiloRuntime runtime)
{
    private readonly Queue<(object? Item, StreamSequenceToken Token)> _queue = new();
    private bool _pumping;

    public Guid HandleId { get; } = handleId;

    public StreamId StreamId { get; } = streamId;

    protected SiloRuntime Runtime { get; } = runtime;

    /// <summary>The subscribing grain; null for an observer outside the silo's grains.</summary>
    public abstract GrainId? Subscriber { get; }

    public void Enqueue(object? item, StreamSequenceToken token)
    {
        lock (_queue)
        {
            _queue.Enqueue((item, token));
            if (_pumping) return;
            _pumping = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.PumpAsync(), this, preferLocal: false);
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            (object? Item, StreamSequenceToken Token) next;
            lock (_queue)
            {
                if (!_queue.TryDequeue(out next))
                {
                    _pumping = false;
                    return;
                }
            }

            try
            {
                await DeliverAsync(next.Item, next.Token).ConfigureAwait(false);
            }
            catch (Exception ex) // One failed delivery is logged and skipped; later events still flow in order.
            {
                Runtime.Log.StreamDeliveryFailed(StreamId.ToString(), Subscriber?.ToString() ?? "client observer", ex);
            }
        }
    }

    protected abstract Task DeliverAsync(object? item, StreamSequenceToken token);
}
