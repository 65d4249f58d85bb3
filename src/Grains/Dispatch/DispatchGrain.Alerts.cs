using System.Globalization;
using Orleans;
using Orleans.Streams;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

public sealed partial class DispatchGrain
{
    private readonly Dictionary<string, DispatchAlert> _alerts = [];
    private string _publishedAlerts = "";
    private DateTimeOffset _lastReplan = DateTimeOffset.MinValue;

    public Task<IReadOnlyList<DispatchAlert>> GetAlertsAsync() => Task.FromResult<IReadOnlyList<DispatchAlert>>([.. _alerts.Values.OrderByDescending(a => a.RaisedAt)]);

    public async Task HoldAlertAsync(DispatchAlert alert)
    {
        state.State.HeldAlerts[alert.Id] = alert;
        await state.WriteStateAsync();
        _alerts[alert.Id] = alert;
        _publishedAlerts = ""; // a replaced alert keeps its id: publish its new text anyway
        await PublishAlertsAsync();
    }

    public async Task<bool> DismissAlertAsync(string alertId)
    {
        if (!state.State.HeldAlerts.Remove(alertId)) return false;
        await state.WriteStateAsync();
        _alerts.Remove(alertId);
        await PublishAlertsAsync();
        return true;
    }

    /// <summary>
    /// What routes reported since the last tick (their technicians moved): refresh late risks, tell the board, and
    /// re-plan when a job newly risks its window.
    /// </summary>
    private async Task OnRoutesMovedAsync()
    {
        if (!_routesMoved) return;
        _routesMoved = false;
        var newRisk = UpdateLateRisks();
        await PublishAlertsAsync();
        await PublishBoardAsync(Today, "ETAs moved");
        if (newRisk && state.State.AutoAssign && Now - _lastReplan >= _options.ReplanCooldown && !HasProposalFor(Today))
        {
            // A delay: see whether moving work around saves the window; Judge keeps the plan unless it clearly helps.
            _lastReplan = Now;
            await OptimizeDayAsync(Today, _options.ReplanBudget, DispatchActor);
        }
    }

    /// <summary>Late-risk alerts from the routes' estimates; true when a job newly became at risk.</summary>
    private bool UpdateLateRisks()
    {
        var added = false;
        foreach (var (ticketId, estimate) in _estimates)
        {
            var id = $"{AlertKind.LateRisk}:{ticketId}";
            if (!estimate.LateRisk || !_tickets.TryGetValue(ticketId, out var ticket) || ticket.TechnicianId is null)
            {
                _alerts.Remove(id);
                continue;
            }
            if (_alerts.ContainsKey(id)) continue;
            var name = _technicians.TryGetValue(ticket.TechnicianId, out var t) ? t.Profile.Name : null;
            var minutesLate = Math.Round(estimate.MinutesLate, 1);
            _alerts[id] = new DispatchAlert(id, AlertKind.LateRisk,
                $"{name ?? "The technician"} is expected at {Moment(estimate.Eta)} at {ticket.Details.Address}, {estimate.MinutesLate:0} min after the window ends ({Moment(ticket.ArrivalWindow!.End)}).",
                Now, ticketId, ticket.TechnicianId, Today, name, ticket.Details.Address, Utc(ticket.ArrivalWindow), estimate.Eta.ToUniversalTime(), minutesLate);
            added = true;
        }
        return added;
    }

    private void UpdateUnassignedEmergencies()
    {
        foreach (var ticket in _tickets.Values)
        {
            var id = $"{AlertKind.UnassignedEmergency}:{ticket.TicketId}";
            if (ticket.Details.Priority == TicketPriority.Emergency && ticket.TechnicianId is null)
            {
                if (_alerts.ContainsKey(id)) continue;
                _alerts[id] = new DispatchAlert(id, AlertKind.UnassignedEmergency,
                    $"Emergency at {ticket.Details.Address} has no technician: nobody qualified can reach it in time.", Now, ticket.TicketId, null,
                    DayOf(ticket), Address: ticket.Details.Address, Window: Utc(ticket.ArrivalWindow));
            }
            else
            {
                _alerts.Remove(id);
            }
        }
        UpdateLateRisks();
    }

    /// <summary>
    /// "No signal": a technician on shift now, with jobs today, whose phone has been quiet for longer than the grace
    /// (<see cref="DispatchOptions.NoSignalAfter"/>). The silence counts from the newest position or from the start of
    /// the shift under way, whichever is later: nobody is expected to report before their shift (before it starts,
    /// after it ends, on a day off), and a shift that has just begun gets the whole grace.
    /// </summary>
    private async Task CheckSignalAsync()
    {
        state.State.Plans.TryGetValue(Key(Today), out var routes);
        foreach (var t in _technicians.Values)
        {
            var id = $"{AlertKind.NoSignal}:{t.TechnicianId}";
            var shift = routes?.GetValueOrDefault(t.TechnicianId)?.Count > 0 ? Availability.ShiftAt(t.Schedule, Now) : null;
            var lastSeen = WithLatestPosition(t).Position?.Time.ToUniversalTime();
            var silentSince = shift is null ? (DateTimeOffset?)null : lastSeen > shift.Start ? lastSeen.Value : shift.Start;
            if (silentSince is { } since && Now - since > _options.NoSignalAfter)
            {
                if (_alerts.ContainsKey(id)) continue;
                var message = since == lastSeen
                    ? $"No signal from {t.Profile.Name} since {Moment(since)}."
                    : $"No signal from {t.Profile.Name} since the shift began at {Moment(since)} ({(lastSeen is { } seen ? $"last position {Moment(seen)}" : "no position yet")}).";
                _alerts[id] = new DispatchAlert(id, AlertKind.NoSignal, message, Now, null, t.TechnicianId,
                    Today, t.Profile.Name, LastSeenAt: lastSeen, SilentSince: since);
            }
            else
            {
                _alerts.Remove(id);
            }
        }
        await PublishAlertsAsync();
    }

    /// <summary>An instant for a message, in the company's time zone: "14:05" today, "Tue 3 Nov 14:05" on any other day.</summary>
    private string Moment(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, _zone).ToString(LocalDate(at) == Today ? "HH:mm" : "ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    private static TimeWindow? Utc(TimeWindow? window) => window is null ? null : new(window.Start.ToUniversalTime(), window.End.ToUniversalTime());

    private void ClearAlertsFor(string ticketId)
    {
        foreach (var id in _alerts.Values.Where(a => a.TicketId == ticketId).Select(a => a.Id).ToList()) _alerts.Remove(id);
        _estimates.Remove(ticketId);
    }

    private async Task PublishAlertsAsync()
    {
        var fingerprint = string.Join(',', _alerts.Keys.Order(StringComparer.Ordinal));
        if (fingerprint == _publishedAlerts) return;
        _publishedAlerts = fingerprint;
        await this.GetStreamProvider(DispatchStreams.ProviderName).GetStream<DispatchEvent>(DispatchStreams.BoardFor(TenantId))
            .OnNextAsync(new AlertsChanged(TenantId, [.. _alerts.Values.OrderByDescending(a => a.RaisedAt)]));
    }
}
