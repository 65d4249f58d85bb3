using Microsoft.AspNetCore.SignalR;
using Orleans;
using Orleans.Streams;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.LiveMap;

/// <summary>
/// The one adapter between the grains' location streams and SignalR (grains never see SignalR). Per tenant it
/// subscribes once to "tenant-locations/{tenant}" and pushes the changes to that tenant's dispatchers group in
/// batches: the first change after a quiet spell opens a window of <see cref="BatchWindow"/>; within it only the
/// newest position per technician is kept.
/// </summary>
public sealed class LiveMapFeed(IClusterClient client, IHubContext<LiveMapHub, ILiveMapClient> hub, TimeProvider clock) : IStreamFeed
{
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    private readonly SubscriptionCache<string, TenantFeed> _tenants = new();

    public static string GroupFor(string tenantId) => $"dispatchers:{tenantId}";

    /// <summary>Starts forwarding the tenant's changes (once; later calls return at once).</summary>
    public Task WatchAsync(string tenantId) => _tenants.GetOrSubscribeAsync(tenantId, id => TenantFeed.StartAsync(id, this));

    public async Task UnsubscribeAllAsync()
    {
        foreach (var feed in await _tenants.AllAsync()) await feed.DisposeAsync();
    }

    private sealed class TenantFeed : IAsyncDisposable
    {
        private readonly object _lock = new();
        private readonly string _tenantId;
        private readonly LiveMapFeed _owner;
        private readonly ITimer _timer;
        private Dictionary<string, LivePositionDto> _pending = [];
        private StreamSubscriptionHandle<TechnicianPositionChanged>? _subscription;
        private bool _windowOpen;

        private TenantFeed(string tenantId, LiveMapFeed owner)
        {
            _tenantId = tenantId;
            _owner = owner;
            _timer = owner._clock.CreateTimer(_ => _ = FlushAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public static async Task<TenantFeed> StartAsync(string tenantId, LiveMapFeed owner)
        {
            var feed = new TenantFeed(tenantId, owner);
            var stream = owner._client.GetStreamProvider(LocationStreams.ProviderName)
                .GetStream<TechnicianPositionChanged>(LocationStreams.ForTenant(tenantId));
            feed._subscription = await stream.SubscribeAsync((change, _) => feed.OnChange(change));
            return feed;
        }

        private Task OnChange(TechnicianPositionChanged change)
        {
            var dto = change.AsLiveDto();
            lock (_lock)
            {
                if (!_pending.TryGetValue(dto.Id, out var held) || held.Time <= dto.Time) _pending[dto.Id] = dto;
                if (!_windowOpen)
                {
                    _windowOpen = true;
                    _timer.Change(BatchWindow, Timeout.InfiniteTimeSpan);
                }
            }

            return Task.CompletedTask;
        }

        private async Task FlushAsync()
        {
            Dictionary<string, LivePositionDto> batch;
            lock (_lock)
            {
                batch = _pending;
                _pending = [];
                _windowOpen = false;
            }

            if (batch.Count > 0) await _owner._hub.Clients.Group(GroupFor(_tenantId)).Positions([.. batch.Values]);
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
