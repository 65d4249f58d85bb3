using Orleans;
using Orleans.Runtime;
using Orleans.Streams;

namespace OrleansPortal.Silo.Tests.Grains;

public interface IStreamLogGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<int>> ReceivedAsync();
}

/// <summary>Implicitly subscribed to every "numbers" stream with its own key; keeps what it receives in order.</summary>
[ImplicitStreamSubscription("numbers")]
public sealed class StreamLogGrain : Grain, IStreamLogGrain
{
    private readonly List<int> _received = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider("StreamProvider").GetStream<int>(StreamId.Create("numbers", this.GetPrimaryKeyString()));
        await stream.SubscribeAsync(async (n, _) =>
        {
            if (n % 7 == 0) await Task.Delay(1); // an occasional slow event must not reorder the ones behind it
            _received.Add(n);
        });
    }

    public Task<IReadOnlyList<int>> ReceivedAsync() => Task.FromResult<IReadOnlyList<int>>([.. _received]);
}

public interface IExplicitSubscriberGrain : IGrainWithStringKey
{
    Task SubscribeAsync(string streamKey);

    Task<IReadOnlyList<string>> ReceivedAsync();
}

/// <summary>Subscribes explicitly; after a reactivation it resumes its subscriptions in OnActivateAsync, as in Orleans.</summary>
public sealed class ExplicitSubscriberGrain : Grain, IExplicitSubscriberGrain
{
    public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Received = new();

    public async Task SubscribeAsync(string streamKey) => await Stream(streamKey).SubscribeAsync(OnNext);

    public Task<IReadOnlyList<string>> ReceivedAsync() => Task.FromResult<IReadOnlyList<string>>([.. Received]);

    private IAsyncStream<string> Stream(string key) => this.GetStreamProvider("StreamProvider").GetStream<string>(StreamId.Create("words", key));

    private Task OnNext(string word, StreamSequenceToken? token)
    {
        Received.Enqueue($"{this.GetPrimaryKeyString()}:{word}");
        return Task.CompletedTask;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var key in new[] { "shared" })
            foreach (var handle in await Stream(key).GetAllSubscriptionHandles())
                await handle.ResumeAsync(OnNext);
    }
}
