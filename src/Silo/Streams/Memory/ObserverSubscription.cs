using Orleans.Runtime;

namespace Orleans.Streams;

/// <summary>A subscription by code outside the grains (for example the SignalR adapter): the observer is called directly.</summary>
internal sealed class ObserverSubscription<T>(Guid handleId, StreamId streamId, SiloRuntime runtime, IAsyncObserver<T> observer)
    : Subscription(handleId, streamId, runtime)
{
    public override GrainId? Subscriber => null;

    protected override Task DeliverAsync(object? item, StreamSequenceToken token) => observer.OnNextAsync((T)item!, token);
}
