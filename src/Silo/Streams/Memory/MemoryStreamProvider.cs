using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Streams;

/// <summary>
/// Streams in silo memory: events are not stored, and a subscriber that is down misses nothing only because the
/// runtime activates grains on delivery. Grain subscriptions made explicitly are kept in the grain storage named
/// "PubSubStore" when one is registered, so they survive restarts; implicit ones need no storage.
/// </summary>
internal sealed class MemoryStreamProvider(string name, Lazy<SiloRuntime> runtime, IGrainStorage? pubSubStore) : IStreamProvider
{
    public const string PubSubStoreName = "PubSubStore";

    private readonly ConcurrentDictionary<StreamId, StreamRecord> _streams = new();

    public string Name => name;

    public SiloRuntime Runtime => runtime.Value;

    public IAsyncStream<T> GetStream<T>(StreamId streamId) => new MemoryStream<T>(this, streamId);

    public ValueTask<StreamRecord> GetRecordAsync(StreamId streamId)
    {
        var record = _streams.GetOrAdd(streamId, static id => new StreamRecord(id));
        return record.Loaded ? ValueTask.FromResult(record) : LoadAsync(record);
    }

    public static Guid ImplicitHandleId(string grainType, StreamId streamId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{grainType}|{streamId}")).AsSpan(0, 16));

    public async Task AddAsync(StreamRecord record, Subscription subscription, bool durable)
    {
        await record.Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (durable && record.Store is not null && subscription.Subscriber is { } grain)
            {
                record.Store.State.Subscriptions.Add(new PubSubEntry(subscription.HandleId, grain.Type, grain.Key));
                await record.Store.WriteStateAsync().ConfigureAwait(false);
            }

            record.Subscribers = [.. record.Subscribers, subscription];
        }
        finally
        {
            record.Gate.Release();
        }
    }

    public async Task RemoveAsync(StreamRecord record, Guid handleId)
    {
        await record.Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (record.Store is not null && record.Store.State.Subscriptions.RemoveAll(e => e.HandleId == handleId) > 0)
                await record.Store.WriteStateAsync().ConfigureAwait(false);
            record.Subscribers = record.Subscribers.Where(s => s.HandleId != handleId).ToArray();
        }
        finally
        {
            record.Gate.Release();
        }
    }

    private async ValueTask<StreamRecord> LoadAsync(StreamRecord record)
    {
        await record.Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (record.Loaded) return record;
            var id = record.StreamId;
            var rt = Runtime;
            List<Subscription> subscribers = [.. rt.Registry.ImplicitSubscribers(id.Namespace)
                .Select(c => new GrainSubscription(ImplicitHandleId(c.TypeName, id), id, rt, GrainId.Create(c.TypeName, id.Key)))];
            if (pubSubStore is not null)
            {
                var store = new PersistentState<PubSubState>("subscriptions", GrainId.Create("pubsub", $"{name}/{id}"), pubSubStore);
                await store.ReadStateAsync().ConfigureAwait(false);
                subscribers.AddRange(store.State.Subscriptions.Select(e => new GrainSubscription(e.HandleId, id, rt, new GrainId(e.GrainType, e.GrainKey))));
                record.Store = store;
            }

            record.Subscribers = [.. subscribers];
            record.Loaded = true;
            return record;
        }
        finally
        {
            record.Gate.Release();
        }
    }
}
