using Orleans.Runtime;

namespace Orleans.Streams;

/// <summary>A stream event on its way into a grain: runs the handler the grain attached for this subscription.</summary>
internal sealed class StreamEventMessage(StreamId streamId, Guid handleId, object? item, StreamSequenceToken token)
    : Message(CallContext.NewChainId(), long.MaxValue)
{
    private readonly TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Delivered => _delivered.Task;

    public override Task Invoke(ActivationData activation)
    {
        var handler = activation.GetStreamHandler(handleId);
        if (handler is null)
        {
            activation.Runtime.Log.StreamHandlerMissing(activation.GrainId, streamId.ToString());
            return Task.CompletedTask;
        }

        return handler(item, token);
    }

    public override void SetCompleted(Task grainTask)
    {
        if (grainTask.IsFaulted) _delivered.TrySetException(grainTask.Exception!.InnerExceptions);
        else _delivered.TrySetResult();
    }

    public override void SetFailed(Exception exception) => _delivered.TrySetException(exception);

    public override string Describe() => $"{Target?.GrainId} event of {streamId}";
}
