using Orleans.Runtime;

namespace Orleans.Streams;

/// <summary>A handle on one memory stream; cheap to create, holds no state of its own.</summary>
internal sealed class MemoryStream<T>(MemoryStreamProvider provider, StreamId streamId) : IAsyncStream<T>
{
    public StreamId StreamId => streamId;

    /// <remarks>The provider numbers events itself; a token passed in is ignored.</remarks>
    public Task OnNextAsync(T item, StreamSequenceToken? token = null)
    {
        var record = provider.GetRecordAsync(streamId);
        if (!record.IsCompletedSuccessfully) return PublishLaterAsync(record, [item]);
        record.Result.Publish(item);
        return Task.CompletedTask;
    }

    public Task OnNextBatchAsync(IEnumerable<T> batch, StreamSequenceToken? token = null) =>
        PublishLaterAsync(provider.GetRecordAsync(streamId), batch);

    public async Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var caller = CallContext.Current?.Activation;
        var record = await provider.GetRecordAsync(streamId).ConfigureAwait(false);
        if (caller is null)
        {
            var subscription = new ObserverSubscription<T>(Guid.NewGuid(), streamId, provider.Runtime, observer);
            await provider.AddAsync(record, subscription, durable: false).ConfigureAwait(false);
            return new MemoryStreamSubscriptionHandle<T>(provider, streamId, subscription.HandleId);
        }

        if (caller.ClassInfo.ImplicitStreamNamespaces.Contains(streamId.Namespace) && caller.GrainId.Key == streamId.Key)
        {
            var implicitId = MemoryStreamProvider.ImplicitHandleId(caller.ClassInfo.TypeName, streamId);
            caller.SetStreamHandler(implicitId, Adapt(observer));
            return new MemoryStreamSubscriptionHandle<T>(provider, streamId, implicitId);
        }

        var handleId = Guid.NewGuid();
        caller.SetStreamHandler(handleId, Adapt(observer));
        await provider.AddAsync(record, new GrainSubscription(handleId, streamId, provider.Runtime, caller.GrainId), durable: true).ConfigureAwait(false);
        return new MemoryStreamSubscriptionHandle<T>(provider, streamId, handleId);
    }

    public async Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles()
    {
        var caller = CallContext.Current?.Activation;
        if (caller is null) return [];
        var record = await provider.GetRecordAsync(streamId).ConfigureAwait(false);
        return record.Subscribers
            .Where(s => s.Subscriber == caller.GrainId)
            .Select(s => (StreamSubscriptionHandle<T>)new MemoryStreamSubscriptionHandle<T>(provider, streamId, s.HandleId))
            .ToList();
    }

    internal static Func<object?, StreamSequenceToken, Task> Adapt(IAsyncObserver<T> observer) =>
        (item, token) => observer.OnNextAsync((T)item!, token);

    private static async Task PublishLaterAsync(ValueTask<StreamRecord> pending, IEnumerable<T> items)
    {
        var record = await pending.ConfigureAwait(false);
        foreach (var item in items) record.Publish(item);
    }
}
