using Orleans.Runtime;

namespace Orleans.Streams;

/// <summary>A subscription to a stream.</summary>
public abstract class StreamSubscriptionHandle<T>
{
    public abstract Guid HandleId { get; }

    public abstract StreamId StreamId { get; }

    public abstract Task UnsubscribeAsync();

    /// <summary>Attaches <paramref name="observer"/> to this existing subscription (after the grain was reactivated).</summary>
    public abstract Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer);
}
