using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Streams;
using OrleansPortal.Silo.Tests.Grains;
using OrleansPortal.Silo.Tests.Infrastructure;
using OrleansPortal.Testing;

namespace OrleansPortal.Silo.Tests.Runtime;

public sealed class StreamTests : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await TestSilo.StartAsync(s => s.AddMemoryGrainStorage("PubSubStore"));

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private IStreamProvider Streams => _silo.Client.GetStreamProvider("StreamProvider");

    [Fact]
    public async Task Events_ReachTheImplicitSubscriber_InTheOrderProduced()
    {
        var key = Guid.NewGuid().ToString("N");
        var stream = Streams.GetStream<int>(StreamId.Create("numbers", key));

        for (var i = 0; i < 500; i++) await stream.OnNextAsync(i);

        var grain = _silo.Client.GetGrain<IStreamLogGrain>(key);
        await Eventually.TrueAsync(() => grain.ReceivedAsync().Result.Count == 500, "all 500 events arrive");
        Assert.Equal(Enumerable.Range(0, 500), await grain.ReceivedAsync());
    }

    [Fact]
    public async Task ImplicitSubscription_OnlyGetsItsOwnKey()
    {
        var mine = Guid.NewGuid().ToString("N");
        var other = Guid.NewGuid().ToString("N");

        await Streams.GetStream<int>(StreamId.Create("numbers", other)).OnNextAsync(7);
        await Streams.GetStream<int>(StreamId.Create("numbers", mine)).OnNextAsync(1);

        var grain = _silo.Client.GetGrain<IStreamLogGrain>(mine);
        await Eventually.TrueAsync(() => grain.ReceivedAsync().Result.Count == 1, "the event for this key arrives");
        Assert.Equal([1], await grain.ReceivedAsync());
    }

    [Fact]
    public async Task ObserverOutsideTheSilo_ReceivesEventsInOrder_UntilItUnsubscribes()
    {
        var stream = Streams.GetStream<int>(StreamId.Create("ticks", Guid.NewGuid().ToString("N")));
        var received = new List<int>();
        var handle = await stream.SubscribeAsync(async (n, _) =>
        {
            if (n % 10 == 0) await Task.Delay(1);
            lock (received) received.Add(n);
        });

        await stream.OnNextBatchAsync(Enumerable.Range(0, 200));
        await Eventually.TrueAsync(() => { lock (received) return received.Count == 200; }, "all 200 events arrive");
        await handle.UnsubscribeAsync();
        await stream.OnNextAsync(999);
        await Task.Delay(50);

        lock (received) Assert.Equal(Enumerable.Range(0, 200), received);
    }

    [Fact]
    public async Task ExplicitGrainSubscriber_ReceivesEvents()
    {
        var subscriber = $"sub-{Guid.NewGuid():N}";
        await _silo.Client.GetGrain<IExplicitSubscriberGrain>(subscriber).SubscribeAsync("shared");

        await Streams.GetStream<string>(StreamId.Create("words", "shared")).OnNextAsync("ping");

        await Eventually.TrueAsync(() => ExplicitSubscriberGrain.Received.Contains($"{subscriber}:ping"), "the subscriber receives the event");
    }
}
