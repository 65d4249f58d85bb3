using Orleans.Runtime;

namespace Orleans.Streams;

/// <summary>
/// A stream of events of type <typeparamref name="T"/>. Producing returns once the event is queued for every
/// current subscriber; each subscriber receives the stream's events in the order they were produced.
/// </summary>
public interface IAsyncStream<T>
{
    StreamId StreamId { get; }

    Task OnNextAsync(T item, StreamSequenceToken? token = null);

    Task OnNextBatchAsync(IEnumerable<T> batch, StreamSequenceToken? token = null);

    /// <summary>
    /// Subscribes <paramref name="observer"/>. Called by a grain, the subscription is the grain's: durable when the
    /// provider has a PubSubStore, and after a reactivation the grain resumes it (GetAllSubscriptionHandles, ResumeAsync)
    /// or, for implicit subscriptions, simply subscribes again in OnActivateAsync. Called from outside the grains,
    /// it lasts until unsubscribed or the process ends.
    /// </summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer);

    /// <summary>The calling grain's subscriptions to this stream (outside a grain: none).</summary>
    Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles();
}
