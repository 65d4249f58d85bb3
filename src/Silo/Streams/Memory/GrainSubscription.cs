using Orleans.Runtime;

namespace Orleans.Streams;

/// <summary>A grain's subscription: each event is a message to the grain (activating it), handled in its turn.</summary>
internal sealed class GrainSubscription(Guid handleId, StreamId streamId, SiloRuntime runtime, GrainId subscriber)
    : Subscription(handleId, streamId, runtime)
{
    public override GrainId? Subscriber => subscriber;

    protected override Task DeliverAsync(object? item, StreamSequenceToken token)
    {
        var message = new StreamEventMessage(StreamId, HandleId, item, token);
        Runtime.SendMessage(subscriber, message);
        return message.Delivered;
    }
}
