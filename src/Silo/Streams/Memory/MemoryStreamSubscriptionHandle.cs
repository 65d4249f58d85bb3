using Orleans.Runtime;

namespace Orleans.Streams;

internal sealed class MemoryStreamSubscriptionHandle<T>(MemoryStreamProvider provider, StreamId streamId, Guid handleId) : StreamSubscriptionHandle<T>
{
    public override Guid HandleId => handleId;

    public override StreamId StreamId => streamId;

    public override async Task UnsubscribeAsync()
    {
        CallContext.Current?.Activation.RemoveStreamHandler(handleId);
        var record = await provider.GetRecordAsync(streamId).ConfigureAwait(false);
        await provider.RemoveAsync(record, handleId).ConfigureAwait(false);
    }

    public override async Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer)
    {
        var caller = CallContext.Current?.Activation;
        if (caller is not null)
        {
            caller.SetStreamHandler(handleId, MemoryStream<T>.Adapt(observer));
            return this;
        }

        // Outside a grain there is nothing to resume into: replace the observer under a new handle.
        await UnsubscribeAsync().ConfigureAwait(false);
        return await provider.GetStream<T>(streamId).SubscribeAsync(observer).ConfigureAwait(false);
    }
}
