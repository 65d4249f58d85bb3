using System.Collections.Concurrent;
using Orleans.Streams;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Tests.Grains;
using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Streams;

/// <summary>
/// What our code relies on from the configured stream provider, across two silos: each subscriber gets a stream's
/// events in the order they were produced (a technician's positions, a ticket's changes), whether it is a grain
/// (implicit subscription) or a node's web feed (the co-hosted client of another silo).
/// </summary>
public sealed class StreamOrderTests
{
    private const int Events = 300;

    [Fact]
    public async Task EventsOfEachStream_ArriveInProducedOrder_AtAGrainAndAtAnotherSilosClient()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var a = await PortalSilo.StartAsync(database.Silo);
        await using var b = await PortalSilo.StartAsync(database.Silo);
        string[] keys = [$"first-{Guid.NewGuid():N}", $"second-{Guid.NewGuid():N}", $"third-{Guid.NewGuid():N}"];
        var heardByB = keys.ToDictionary(k => k, _ => new ConcurrentQueue<int>());
        foreach (var key in keys)
        {
            await b.Client.GetStreamProvider(PortalSiloBuilderExtensions.StreamProvider).GetStream<int>(OrderedStream.For(key))
                .SubscribeAsync((value, _) =>
                {
                    heardByB[key].Enqueue(value);
                    return Task.CompletedTask;
                });
        }

        // Three streams produced at once from silo A's side, so their events interleave in the queues.
        await Task.WhenAll(keys.Select(key => a.Client.GetGrain<IOrderedPublisherGrain>(Guid.NewGuid()).PublishAsync(key, Events)));

        await Eventually.TrueAsync(() => heardByB.Values.All(q => q.Count == Events), "silo B's client hears every event");
        foreach (var key in keys)
        {
            Assert.Equal(Enumerable.Range(0, Events), heardByB[key]);
            var consumer = a.Client.GetGrain<IOrderedConsumerGrain>(key);
            await Eventually.TrueAsync(async () => (await consumer.ReceivedAsync()).Count == Events, $"the grain of {key} hears every event");
            Assert.Equal(Enumerable.Range(0, Events), await consumer.ReceivedAsync());
        }
    }
}
