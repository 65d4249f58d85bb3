namespace OrleansPortal.Silo.Tests.Grains;

/// <summary>Publishes numbered events on one stream of the "test-ordered" namespace, each awaited before the next.</summary>
[Alias("test.IOrderedPublisherGrain")]
public interface IOrderedPublisherGrain : IGrainWithGuidKey
{
    Task PublishAsync(string streamKey, int count);
}

/// <summary>Implicitly subscribed to the "test-ordered" stream with its own key; records what arrives, in arrival order.</summary>
[Alias("test.IOrderedConsumerGrain")]
public interface IOrderedConsumerGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<int>> ReceivedAsync();
}

public static class OrderedStream
{
    public const string Namespace = "test-ordered";

    public static StreamId For(string key) => StreamId.Create(Namespace, key);
}
