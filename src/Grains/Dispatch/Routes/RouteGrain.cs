using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Grains.Dispatch.Routes;

public sealed class RouteGrain(
    [PersistentState("route")] IPersistentState<RouteState> state,
    TimeProvider clock,
    ITravelTimeService? travel = null) : Grain, IRouteGrain
{
    private readonly ITravelTimeService _travel = travel ?? new GreatCircleTravelTimeService();

    // The position is not stored: it arrives again with the next ping, and until then the plan's start stands in.
    private GeoPoint? _position;
    private DateTimeOffset? _positionAt;
    private IReadOnlyList<StopEstimate> _estimates = [];
    private DateTimeOffset _computedAt;

    private string TenantId => TenantKeys.Split(this.GetPrimaryKeyString()).TenantId;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Plan is not null) Recompute();
        return Task.CompletedTask;
    }

    public async Task<RouteView> SetPlanAsync(RoutePlan plan)
    {
        state.State.Plan = plan;
        var onRoute = plan.Stops.Select(s => s.TicketId).ToHashSet();
        foreach (var gone in state.State.Published.Keys.Where(t => !onRoute.Contains(t)).ToList()) state.State.Published.Remove(gone);
        Recompute();
        await PublishMovedAsync();
        await state.WriteStateAsync();
        return View();
    }

    public async Task<RouteView> UpdatePositionAsync(GeoPoint position, DateTimeOffset at)
    {
        if (_positionAt is { } known && at < known) return View(); // an older fix says nothing new
        _position = position;
        _positionAt = at;
        if (state.State.Plan is null) return View();
        Recompute();
        if (await PublishMovedAsync()) await state.WriteStateAsync();
        return View();
    }

    public Task<RouteView?> GetAsync() => Task.FromResult(state.State.Plan is null ? null : View());

    private void Recompute()
    {
        _computedAt = clock.GetUtcNow();
        _estimates = EtaCalculator.Estimate(state.State.Plan!, _position, _positionAt, _computedAt, _travel);
    }

    /// <summary>Publishes the estimates that moved past the threshold (or turned late, or on time); true if any did.</summary>
    private async Task<bool> PublishMovedAsync()
    {
        var plan = state.State.Plan!;
        var streams = this.GetStreamProvider(DispatchStreams.ProviderName);
        var moved = false;
        for (var i = 0; i < _estimates.Count; i++)
        {
            var estimate = _estimates[i];
            var published = state.State.Published.GetValueOrDefault(estimate.TicketId);
            if (published is not null && published.Late == estimate.LateRisk && (estimate.Eta - published.Eta).Duration() <= EtaPolicy.PublishThreshold) continue;

            state.State.Published[estimate.TicketId] = new PublishedEta(estimate.Eta, estimate.LateRisk);
            moved = true;
            var eta = new TicketEta(TenantId, estimate.TicketId, plan.TechnicianId, estimate.Eta, plan.Stops[i].ArrivalWindow, estimate.MinutesLate, _computedAt);
            await streams.GetStream<TicketEta>(DispatchStreams.EtaFor(TenantId, estimate.TicketId)).OnNextAsync(eta);
        }

        return moved;
    }

    private RouteView View() => new(state.State.Plan!, _estimates, _position, _positionAt, _computedAt);
}
