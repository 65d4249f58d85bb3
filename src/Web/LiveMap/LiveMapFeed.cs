using Microsoft.AspNetCore.SignalR;
using Orleans;
using Orleans.Streams;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.LiveMap;

/// <summary>
/// The one adapter between the grains' location streams and SignalR (grains never see SignalR). Per tenant it
/// subscribes once to "tenant-locations/{tenant}", where each node publishes one batch of positions per window, and
/// pushes them to that tenant's dispatchers group at most once per <see cref="BatchWindow"/>: a batch after a quiet
/// spell goes out at once; batches arriving within the window that follows (from other nodes, or the next window)
/// are merged, keeping only the newest position per technician, and go out when it ends. So the work per window
/// is bounded by the number of technicians, whatever the ping rate.
/// </summary>
public sealed class LiveMapFeed(IClusterClient client, IHubContext<LiveMapHub, ILiveMapClient> hub, TimeProvider clock) : IStreamFeed
{
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Positions per SignalR message (about 200 bytes each in JSON): a whole fleet goes in several messages, each
    /// serialized below the large-object heap's 85 KB, which a group send copies its message into.
    /// </summary>
    public const int MaxPositionsPerMessage = 250;

    private readonly SubscriptionCache<string, TenantFeed> _tenants = new();

    public static string GroupFor(string tenantId) => $"dispatchers:{tenantId}";

    /// <summary>Starts forwarding the tenant's changes (once; later calls return at once).</summary>
    public Task WatchAsync(string tenantId) => _tenants.GetOrSubscribeAsync(tenantId, id => TenantFeed.StartAsync(id, this));

    public async Task UnsubscribeAllAsync()
    {
        foreach (var feed in await _tenants.AllAsync()) await feed.DisposeAsync();
    }

    /// <summary>
    /// One tenant's subscription and its sender. Concurrency: stream deliveries merge into <c>_pending</c> under
    /// <c>_lock</c> and never wait for SignalR; sending runs on the timer, one send at a time, and re-arms the timer a
    /// window after each send, so a slow group (a dispatcher on a poor connection) makes windows longer and batches
    /// fuller instead of queueing sends.
    /// </summary>
    private sealed class TenantFeed : IAsyncDisposable
    {
        private readonly Lock _lock = new();
        private readonly string _tenantId;
        private readonly LiveMapFeed _owner;
        private readonly ITimer _timer;
        private Dictionary<string, TechnicianPositionChanged> _pending = [];
        private Dictionary<string, TechnicianPositionChanged> _spare = [];   // the batch sent last, emptied; only the sender swaps
        private StreamSubscriptionHandle<TechnicianPositionsChanged>? _subscription;
        private bool _sending;   // under _lock: a send is due, running, or was made less than a window ago

        private TenantFeed(string tenantId, LiveMapFeed owner)
        {
            _tenantId = tenantId;
            _owner = owner;
            _timer = owner._clock.CreateTimer(_ => _ = SendAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public static async Task<TenantFeed> StartAsync(string tenantId, LiveMapFeed owner)
        {
            var feed = new TenantFeed(tenantId, owner);
            var stream = owner._client.GetStreamProvider(LocationStreams.ProviderName)
                .GetStream<TechnicianPositionsChanged>(LocationStreams.ForTenant(tenantId));
            feed._subscription = await stream.SubscribeAsync((changes, _) => feed.OnChanges(changes));
            return feed;
        }

        private Task OnChanges(TechnicianPositionsChanged changes)
        {
            lock (_lock)
            {
                foreach (var change in changes.Positions)
                {
                    if (!_pending.TryGetValue(change.TechnicianId, out var held) || held.Fix.Time <= change.Fix.Time) _pending[change.TechnicianId] = change;
                }

                if (_sending) return Task.CompletedTask;
                _sending = true;
            }

            _timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan); // after a quiet spell: at once
            return Task.CompletedTask;
        }

        /// <summary>
        /// Sends what is pending, in messages of at most <see cref="MaxPositionsPerMessage"/>, then waits a window before
        /// the next send; with nothing pending, the feed goes quiet.
        /// </summary>
        private async Task SendAsync()
        {
            Dictionary<string, TechnicianPositionChanged> batch;
            lock (_lock)
            {
                batch = _pending;
                if (batch.Count == 0)
                {
                    _sending = false;
                    return;
                }

                _pending = _spare;
            }

            try
            {
                // All at once, not one after another: under load every await waits its turn in a busy thread pool.
                var group = _owner._hub.Clients.Group(GroupFor(_tenantId));
                await Task.WhenAll(batch.Values.Chunk(MaxPositionsPerMessage).Select(chunk => group.Positions(Array.ConvertAll(chunk, change => change.AsLiveDto()))));
            }
            finally
            {
                batch.Clear();
                _spare = batch;
                _timer.Change(BatchWindow, Timeout.InfiniteTimeSpan);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _timer.DisposeAsync();
            if (_subscription is not null) await _subscription.UnsubscribeAsync();
        }
    }

    private readonly IClusterClient _client = client;
    private readonly IHubContext<LiveMapHub, ILiveMapClient> _hub = hub;
    private readonly TimeProvider _clock = clock;
}
