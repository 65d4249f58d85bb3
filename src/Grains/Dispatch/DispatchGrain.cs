using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>
/// The company's dispatch: world and stream handling here; planning, the board, alerts and commits in the other parts.
/// Its memory is a cache of the tickets and technicians (their own grains are the truth) plus the day plans, which
/// it stores. Every handler ends by reconciling a day (<see cref="CommitDayAsync"/>), so an event seen late or twice
/// cannot leave the plan disagreeing with the tickets.
/// </summary>
[ImplicitStreamSubscription(TicketStreams.ChangesNamespace)]
public sealed partial class DispatchGrain(
    [PersistentState("dispatch")] IPersistentState<DispatchState> state,
    DomainClock clock,
    ILogger<DispatchGrain> log,
    ITechnicianRoster roster,
    ITravelTimeService? travel = null,
    DispatchOptions? options = null,
    ICompanyTravelTimes? companyTravelTimes = null) : Grain, IDispatchGrain
{
    /// <summary>Technicians are read again when a plan is made and the copy is older than this (or one of them said it changed).</summary>
    private static readonly TimeSpan TechnicianRefresh = TimeSpan.FromSeconds(60);

    private readonly ITravelTimeService _fixedTravel = travel ?? new GreatCircleTravelTimeService();

    /// <summary>The company's learned travel times where the host provides them (asked each time: models change overnight).</summary>
    private ITravelTimeService Travel => companyTravelTimes?.For(TenantId) ?? _fixedTravel;
    private readonly DispatchOptions _options = options ?? new DispatchOptions();
    private readonly Dictionary<string, TicketSnapshot> _tickets = [];
    private readonly Dictionary<string, TechnicianSnapshot> _technicians = [];
    private readonly Dictionary<string, GpsFix> _positions = [];
    private readonly HashSet<string> _heardOf = [];
    private bool _routesMoved;
    private DateTimeOffset _techniciansReadAt = DateTimeOffset.MinValue;
    private bool _techniciansStale = true;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    private string TenantId => this.GetPrimaryKeyString();

    private DateTimeOffset Now => clock.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, _zone).DateTime);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(state.State.TimeZone);
        foreach (var id in state.State.OpenTickets.ToList())
        {
            try
            {
                var ticket = await Ticket(id).GetAsync();
                if (IsOpen(ticket)) _tickets[id] = ticket;
                else state.State.OpenTickets.Remove(id);
            }
            catch (NotFoundException)
            {
                state.State.OpenTickets.Remove(id);
            }
        }

        var cutoff = Today.AddDays(-7);
        foreach (var old in state.State.Plans.Keys.Where(k => DateOnly.ParseExact(k, "yyyy-MM-dd") < cutoff).ToList()) state.State.Plans.Remove(old);

        foreach (var (id, held) in state.State.HeldAlerts) _alerts[id] = held;

        var streams = this.GetStreamProvider(TicketStreams.ProviderName);
        await streams.GetStream<TicketChanged>(TicketStreams.ChangesFor(TenantId)).SubscribeAsync((e, _) => OnTicketChangedAsync(e.Ticket));
        this.RegisterGrainTimer(_ => OnRoutesMovedAsync(), _options.EtaRefreshInterval, _options.EtaRefreshInterval);
        this.RegisterGrainTimer(_ => CheckSignalAsync(), _options.AlertCheckInterval, _options.AlertCheckInterval);
        if (_options.PeriodicReplanInterval > TimeSpan.Zero)
            this.RegisterGrainTimer(_ => ReplanPeriodicallyAsync(), _options.PeriodicReplanInterval, _options.PeriodicReplanInterval);
        await ScheduleTravelModelRetrainingAsync();
    }

    /// <summary>
    /// Every company that dispatches gets its travel times retrained nightly and its overdue invoices reminded; this
    /// grain is active for every such company, so it is where those schedules are made sure of. A failure only postpones that to the next activation: it
    /// must not stop dispatching.
    /// </summary>
    private async Task ScheduleTravelModelRetrainingAsync()
    {
        try
        {
            await GrainFactory.GetGrain<ITravelModelGrain>(TenantId).EnsureScheduledAsync(state.State.TimeZone);
            await GrainFactory.GetGrain<Payments.Dunning.IOverdueRemindersGrain>(TenantId).EnsureScheduledAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Could not schedule nightly travel-time retraining or overdue reminders for {Tenant}; trying again at the next activation.", TenantId);
        }
    }

    public async Task<DispatchSettings> UpdateSettingsAsync(string? timeZone, bool? autoAssign)
    {
        if (timeZone is not null)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)) throw new ArgumentException($"Unknown time zone '{timeZone}'.", nameof(timeZone));
            _zone = zone;
            state.State.TimeZone = timeZone;
        }
        if (autoAssign is { } auto) state.State.AutoAssign = auto;
        await state.WriteStateAsync();
        return new DispatchSettings(state.State.TimeZone, state.State.AutoAssign);
    }

    public Task<DateOnly> GetTodayAsync() => Task.FromResult(Today);

    public Task<DispatchSettings> GetSettingsAsync() => Task.FromResult(new DispatchSettings(state.State.TimeZone, state.State.AutoAssign));

    public Task TechnicianChangedAsync(string technicianId)
    {
        _techniciansStale = true;
        return Task.CompletedTask;
    }

    public Task TicketChangedAsync(string ticketId)
    {
        _heardOf.Add(ticketId);
        return Task.CompletedTask;
    }

    public Task RouteProgressAsync(Routes.RouteView view)
    {
        if (view.Position is { } p && view.PositionAt is { } at && (!_positions.TryGetValue(view.Plan.TechnicianId, out var known) || known.Time < at))
            _positions[view.Plan.TechnicianId] = new GpsFix(at, p.Latitude, p.Longitude);
        _routesMoved |= Remember(view);
        return Task.CompletedTask;
    }

    private async Task OnTicketChangedAsync(TicketSnapshot ticket)
    {
        // Dispatch's own changes reach it twice: at once as the call's answer, later as the event. An event older than
        // what is known (fewer audit entries: every change adds one) is stale and must not roll the copy back.
        if (_tickets.TryGetValue(ticket.TicketId, out var held) && held.Audit.Count > ticket.Audit.Count) return;
        var known = held is not null;
        var plannedDay = PlannedDayOf(ticket.TicketId);
        if (!IsOpen(ticket))
        {
            _tickets.Remove(ticket.TicketId);
            var removed = state.State.OpenTickets.Remove(ticket.TicketId);
            ClearAlertsFor(ticket.TicketId);
            if (plannedDay is { } day && state.State.AutoAssign)
            {
                // A cancellation (or completion, or hold) frees time: offer it to the day's unassigned jobs.
                await FillGapsAsync(day, $"{ticket.TicketId} left the plan ({ticket.Status})");
            }
            else if (plannedDay is { } planned)
            {
                await CommitDayAsync(planned, Routes(planned), $"{ticket.TicketId} left the plan ({ticket.Status})");
            }
            else if (removed)
            {
                await state.WriteStateAsync();
                await PublishAlertsAsync();
            }
            return;
        }

        _tickets[ticket.TicketId] = ticket;
        if (state.State.OpenTickets.Add(ticket.TicketId)) await state.WriteStateAsync();
        var dayOf = DayOf(ticket);
        // A new job, or one whose window moved (a customer rescheduled), is placed as if it had just arrived.
        var windowMoved = known && held!.ArrivalWindow != ticket.ArrivalWindow;
        if ((!known || windowMoved) && ticket.TechnicianId is null && state.State.AutoAssign)
        {
            await InsertNewJobAsync(dayOf, ticket);
            return;
        }

        if (plannedDay is { } previous && previous != dayOf) await CommitDayAsync(previous, Routes(previous), "a job moved to another day");
        await CommitDayAsync(dayOf, Routes(dayOf), $"{ticket.TicketId} is {ticket.Status}");
    }

    /// <summary>
    /// Takes in the tickets that said they changed (<see cref="TicketChangedAsync"/>) as if their stream events had
    /// arrived: the event itself follows later and is then known, so it changes nothing twice. A stream event trails its
    /// change by the stream's delivery time, and a dispatcher's next request (or a customer's next booking) must not.
    /// </summary>
    private async Task CatchUpAsync()
    {
        while (_heardOf.Count > 0)
        {
            var ids = _heardOf.ToList();
            _heardOf.Clear();
            foreach (var ticket in await Task.WhenAll(ids.Select(id => Ticket(id).GetAsync())))
            {
                if (!_tickets.TryGetValue(ticket.TicketId, out var held) || held.Audit.Count < ticket.Audit.Count) await OnTicketChangedAsync(ticket);
            }
        }
    }

    /// <summary>
    /// Reads every open ticket from its grain. Events can trail a dispatcher's own request (pin, then optimize at once),
    /// so the operations that act on a dispatcher's intent start from the tickets themselves, not from the event copy.
    /// </summary>
    private async Task RereadTicketsAsync()
    {
        await CatchUpAsync();
        var fresh = await Task.WhenAll(_tickets.Keys.ToList().Select(id => Ticket(id).GetAsync()));
        foreach (var ticket in fresh)
        {
            if (IsOpen(ticket)) _tickets[ticket.TicketId] = ticket;
            else _tickets.Remove(ticket.TicketId); // its closing event follows and tidies the plan
        }
    }

    private async Task EnsureTechniciansAsync()
    {
        if (!_techniciansStale && Now - _techniciansReadAt < TechnicianRefresh) return;
        // The roster a page at a time, each page's technicians read together, so the calls in flight stay bounded.
        var read = new Dictionary<string, TechnicianSnapshot>();
        for (string? after = null; ;)
        {
            var page = await roster.ListAsync(TenantId, after, TechnicianRoster.MaxPageSize);
            var snapshots = await Task.WhenAll(page.Select(e => GrainFactory.GetGrain<ITechnicianGrain>(TenantKeys.For(TenantId, e.TechnicianId)).GetAsync()));
            foreach (var t in snapshots) read[t.TechnicianId] = t;
            if (page.Count < TechnicianRoster.MaxPageSize) break;
            after = page[^1].TechnicianId;
        }

        _technicians.Clear();
        foreach (var (id, t) in read) _technicians[id] = t;
        _techniciansReadAt = Now;
        _techniciansStale = false;
    }

    /// <summary>The technician with the newest position dispatch has heard of, which may be newer than the copy read.</summary>
    private TechnicianSnapshot WithLatestPosition(TechnicianSnapshot t) =>
        _positions.TryGetValue(t.TechnicianId, out var fix) && (t.Position is null || t.Position.Time < fix.Time) ? t with { Position = fix } : t;

    private static bool IsOpen(TicketSnapshot t) => !TicketLifecycle.IsFinal(t.Status) && t.Status != TicketStatus.OnHold;

    private ITicketGrain Ticket(string id) => GrainFactory.GetGrain<ITicketGrain>(TenantKeys.For(TenantId, id));

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);

    /// <summary>The day a job belongs to: the day it is planned on, else its window's day, else today; never a day already past.</summary>
    private DateOnly DayOf(TicketSnapshot t)
    {
        var day = PlannedDayOf(t.TicketId) ?? (t.ArrivalWindow is { } w ? LocalDate(w.Start) : Today);
        return day < Today ? Today : day;
    }

    private DateOnly? PlannedDayOf(string ticketId)
    {
        foreach (var (day, routes) in state.State.Plans)
            foreach (var route in routes.Values)
                if (route.Contains(ticketId)) return DateOnly.ParseExact(day, "yyyy-MM-dd");
        return null;
    }

    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd");

    /// <summary>A copy of the day's stored routes.</summary>
    private Dictionary<string, List<string>> Routes(DateOnly day) =>
        state.State.Plans.TryGetValue(Key(day), out var routes) ? routes.ToDictionary(r => r.Key, r => r.Value.ToList()) : [];

    /// <summary>Open jobs of the day; past days' leftovers roll into today.</summary>
    private IEnumerable<TicketSnapshot> JobsOf(DateOnly day) => _tickets.Values.Where(t => DayOf(t) == day);
}
