using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.Timers;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch.Routes;

/// <summary>
/// A technician's route for one day. While it has stops and the day is not over, it subscribes to its technician's
/// location stream, so positions reach exactly the routes that need them (a company's other pings cost it nothing),
/// and tells the technician it follows it (the technician publishes on its own stream only while followed).
/// Estimates are recomputed at most once per <see cref="DispatchOptions.EtaRefreshInterval"/>: the first position after
/// a quiet spell at once, later ones at the end of the interval. While the technician drives to a job, the last few
/// minutes of positions give their live pace against the model (<see cref="ProgressWindow"/>).
/// </summary>
public sealed class RouteGrain(
    [PersistentState("route")] IPersistentState<RouteState> state,
    DomainClock clock,
    ITravelTimeService? travel = null,
    DispatchOptions? options = null,
    ICompanyTravelTimes? companyTravelTimes = null) : Grain, IRouteGrain
{
    /// <summary>How long after the shift's end the route still follows positions (late jobs, the drive home).</summary>
    private static readonly TimeSpan FollowAfterShift = TimeSpan.FromHours(2);

    private readonly ITravelTimeService _fixedTravel = travel ?? new GreatCircleTravelTimeService();

    /// <summary>The company's learned travel times where the host provides them (asked each time: models change overnight).</summary>
    private ITravelTimeService Travel => companyTravelTimes?.For(Owner.TenantId) ?? _fixedTravel;
    private readonly TimeSpan _interval = (options ?? new DispatchOptions()).EtaRefreshInterval;

    // The position is not stored: it arrives again with the next ping, and until then the plan's start stands in.
    private GeoPoint? _position;
    private DateTimeOffset? _positionAt;
    private readonly ProgressWindow _progress = new();
    private IReadOnlyList<StopEstimate> _estimates = [];
    private DateTimeOffset _computedAt;
    private StreamSubscriptionHandle<TechnicianPositionChanged>? _subscription;
    private IGrainTimer? _pending;
    private IGrainTimer? _overtaking;

    private (string TenantId, string TechnicianId) Owner
    {
        get
        {
            var (tenant, rest) = TenantKeys.Split(this.GetPrimaryKeyString());
            return (tenant, rest[..rest.LastIndexOf(':')]);
        }
    }

    private IAsyncStream<TechnicianPositionChanged> Positions =>
        this.GetStreamProvider(LocationStreams.ProviderName).GetStream<TechnicianPositionChanged>(LocationStreams.ForTechnician(Owner.TenantId, Owner.TechnicianId));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var handle in await Positions.GetAllSubscriptionHandles()) _subscription = await handle.ResumeAsync(OnPositionAsync);
        if (state.State.Plan is null) return;
        Recompute();
        WatchForOvertaking();
    }

    public async Task<RouteView> SetPlanAsync(RoutePlan plan)
    {
        state.State.Plan = plan;
        var onRoute = plan.Stops.Select(s => s.TicketId).ToHashSet();
        foreach (var gone in state.State.Published.Keys.Where(t => !onRoute.Contains(t)).ToList()) state.State.Published.Remove(gone);
        Recompute();
        await PublishMovedAsync();
        await state.WriteStateAsync();
        await FollowAsync(planChanged: true);
        return View();
    }

    public async Task<RouteView> UpdatePositionAsync(GeoPoint position, DateTimeOffset at)
    {
        if (!Heard(position, at) || state.State.Plan is null) return View();
        Recompute();
        if (await PublishMovedAsync()) await state.WriteStateAsync();
        return View();
    }

    public Task<RouteView?> GetAsync() => Task.FromResult(state.State.Plan is null ? null : View());

    /// <summary>
    /// Follows the technician's positions while there is work on this route and its day is not long over. The
    /// technician hears of it first, so it publishes before this route subscribes; a new plan tells it again, since the
    /// shift's end may have moved.
    /// </summary>
    private async Task FollowAsync(bool planChanged = false)
    {
        var plan = state.State.Plan;
        var until = plan is null ? DateTimeOffset.MinValue : plan.ShiftEnd + FollowAfterShift;
        var wanted = plan is not null && plan.Stops.Count > 0 && clock.GetUtcNow() < until;
        var technician = GrainFactory.GetGrain<ITechnicianGrain>(TenantKeys.For(Owner.TenantId, Owner.TechnicianId));
        if (wanted && (_subscription is null || planChanged)) await technician.FollowAsync(this.GetPrimaryKeyString(), until);
        if (wanted && _subscription is null) _subscription = await Positions.SubscribeAsync(OnPositionAsync);
        if (!wanted && (_subscription is not null || planChanged))
        {
            await technician.UnfollowAsync(this.GetPrimaryKeyString());
            if (_subscription is not null) await _subscription.UnsubscribeAsync();
            _subscription = null;
        }
    }

    private async Task OnPositionAsync(TechnicianPositionChanged change, StreamSequenceToken? token)
    {
        if (!Heard(new GeoPoint(change.Fix.Latitude, change.Fix.Longitude), change.Fix.Time)) return;
        var due = _computedAt + _interval - clock.GetUtcNow();
        if (due <= TimeSpan.Zero) await RefreshAsync();
        else _pending ??= this.RegisterGrainTimer(async _ => await RefreshAsync(), due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Recomputes from the newest position, publishes what moved, and tells dispatch (which keeps the board and the alerts).</summary>
    private async Task RefreshAsync()
    {
        _pending?.Dispose();
        _pending = null;
        if (state.State.Plan is null) return;
        Recompute();
        if (await PublishMovedAsync()) await state.WriteStateAsync();
        await GrainFactory.GetGrain<IDispatchGrain>(Owner.TenantId).RouteProgressAsync(View());
        await FollowAsync(); // the day may have ended
    }

    private bool Heard(GeoPoint position, DateTimeOffset at)
    {
        if (_positionAt is { } known && at <= known) return false; // an older fix says nothing new
        _position = position;
        _positionAt = at;
        // Only the drive to a job under way compares with the model; anything else ends the window.
        if (state.State.Plan?.Stops is [{ Status: TicketStatus.EnRoute } next, ..]) _progress.Observe(next.TicketId, next.Location, position, at);
        else _progress.Clear();
        return true;
    }

    private void Recompute()
    {
        _computedAt = clock.GetUtcNow();
        var travel = Travel;
        _estimates = EtaCalculator.Estimate(state.State.Plan!, _position, _positionAt, _computedAt, travel, _progress.Measure(travel));
    }

    /// <summary>
    /// Publishes the estimates that moved past the threshold (or turned late, or on time); true if any did. A published
    /// ETA that time has overtaken goes out again however little it moved, so a customer never watches a time already
    /// past (a job on site is exempt: its ETA is when they arrived).
    /// </summary>
    private async Task<bool> PublishMovedAsync()
    {
        var plan = state.State.Plan!;
        var streams = this.GetStreamProvider(DispatchStreams.ProviderName);
        var moved = false;
        for (var i = 0; i < _estimates.Count; i++)
        {
            var estimate = _estimates[i];
            var published = state.State.Published.GetValueOrDefault(estimate.TicketId);
            var overtaken = published is not null && published.Eta < _computedAt && plan.Stops[i].Status != TicketStatus.OnSite;
            var arriving = EtaPolicy.IsArriving(plan.Stops[i], estimate, _position, _positionAt, _computedAt);
            if (published is not null && !overtaken && published.Late == estimate.LateRisk && published.Arriving == arriving
                && (estimate.Eta - published.Eta).Duration() <= EtaPolicy.PublishThreshold) continue;

            state.State.Published[estimate.TicketId] = new PublishedEta(estimate.Eta, estimate.LateRisk, arriving);
            moved = true;
            var eta = new TicketEta(Owner.TenantId, estimate.TicketId, plan.TechnicianId, estimate.Eta, plan.Stops[i].ArrivalWindow, estimate.MinutesLate, _computedAt, arriving);
            await streams.GetStream<TicketEta>(DispatchStreams.EtaFor(Owner.TenantId, estimate.TicketId)).OnNextAsync(eta);
        }

        WatchForOvertaking();
        return moved;
    }

    /// <summary>
    /// Wakes the route when the earliest ETA a customer was shown (of a job not reached yet) falls due, so an ETA that
    /// time overtakes goes out again even while the phone is silent: now plus the drive left. Not sooner than the
    /// refresh interval (a technician at the door whose job is not yet on site is due "now" again at once), and not
    /// once the route no longer follows its day.
    /// </summary>
    private void WatchForOvertaking()
    {
        _overtaking?.Dispose();
        _overtaking = null;
        var plan = state.State.Plan;
        var now = clock.GetUtcNow();
        if (plan is null || now >= plan.ShiftEnd + FollowAfterShift) return;
        var earliest = plan.Stops.Where(s => s.Status != TicketStatus.OnSite).Select(s => state.State.Published.GetValueOrDefault(s.TicketId)?.Eta).Min();
        if (earliest is not { } due) return;
        _overtaking = this.RegisterGrainTimer(async _ => await RefreshAsync(), due - now > _interval ? due - now : _interval, Timeout.InfiniteTimeSpan);
    }

    private RouteView View() => new(state.State.Plan!, _estimates, _position, _positionAt, _computedAt);
}
