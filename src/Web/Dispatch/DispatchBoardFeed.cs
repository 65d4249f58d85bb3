using Microsoft.AspNetCore.SignalR;
using Orleans;
using Orleans.Streams;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.LiveMap;

namespace OrleansPortal.Web.Dispatch;

/// <summary>
/// Forwards a tenant's "dispatch-board" stream to its dispatchers' SignalR group (the live map's): the board changed
/// (pages re-read it), the alerts, and optimization progress. One subscription per tenant, made on first watch.
/// </summary>
public sealed class DispatchBoardFeed(IClusterClient client, IHubContext<LiveMapHub, ILiveMapClient> hub) : IStreamFeed
{
    private readonly SubscriptionCache<string, StreamSubscriptionHandle<DispatchEvent>> _subscriptions = new();

    public Task WatchAsync(string tenantId) => _subscriptions.GetOrSubscribeAsync(tenantId, id =>
        client.GetStreamProvider(DispatchStreams.ProviderName).GetStream<DispatchEvent>(DispatchStreams.BoardFor(id)).SubscribeAsync((e, _) => ForwardAsync(e)));

    private Task ForwardAsync(DispatchEvent e)
    {
        var group = hub.Clients.Group(LiveMapFeed.GroupFor(e.TenantId));
        return e switch
        {
            BoardChanged changed => group.BoardChanged(new BoardChangedDto(changed.Day.ToString("yyyy-MM-dd"), changed.Reason)),
            AlertsChanged alerts => group.Alerts(alerts.Alerts),
            OptimizationProgress p => group.OptimizeProgress(new OptimizeProgressDto(p.Day.ToString("yyyy-MM-dd"), p.Fraction, p.BestKilometers, p.Unassigned)),
            _ => Task.CompletedTask,
        };
    }

    public async Task UnsubscribeAllAsync()
    {
        foreach (var subscription in await _subscriptions.AllAsync()) await subscription.UnsubscribeAsync();
    }
}

public sealed record BoardChangedDto(string Day, string Reason);

public sealed record OptimizeProgressDto(string Day, double Fraction, double BestKilometers, int Unassigned);
