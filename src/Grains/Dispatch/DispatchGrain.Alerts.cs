using Orleans.Streams;
using Orleans;
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
            var name = _technicians.TryGetValue(ticket.TechnicianId, out var t) ? t.Profile.Name : "The technician";
            var end = TimeZoneInfo.ConvertTime(ticket.ArrivalWindow!.End, _zone);
            var eta = TimeZoneInfo.ConvertTime(estimate.Eta, _zone);
            _alerts[id] = new DispatchAlert(id, AlertKind.LateRisk,
                $"{name} is expected at {eta:HH:mm} at {ticket.Details.Address}, {estimate.MinutesLate:0} min after the window ends ({end:HH:mm}).",
                Now, ticketId, ticket.TechnicianId);
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
                _alerts.TryAdd(id, new DispatchAlert(id, AlertKind.UnassignedEmergency,
                    $"Emergency at {ticket.Details.Address} has no technician: nobody qualified can reach it in time.", Now, ticket.TicketId, null));
            }
            else
            {
                _alerts.Remove(id);
            }
        }
        UpdateLateRisks();
    }

    /// <summary>"No signal": a technician working now, with jobs today, whose phone has been quiet for too long.</summary>
    private async Task CheckSignalAsync()
    {
        state.State.Plans.TryGetValue(Key(Today), out var routes);
        foreach (var t in _technicians.Values)
        {
            var id = $"{AlertKind.NoSignal}:{t.TechnicianId}";
            var working = routes?.GetValueOrDefault(t.TechnicianId)?.Count > 0 && Availability.CanWork(t.Schedule, Now, TimeSpan.FromMinutes(1));
            var lastSeen = WithLatestPosition(t).Position?.Time;
            if (working && (lastSeen is null || Now - lastSeen > _options.NoSignalAfter))
            {
                var since = lastSeen is { } seen ? $"since {TimeZoneInfo.ConvertTime(seen, _zone):HH:mm}" : "today";
                _alerts.TryAdd(id, new DispatchAlert(id, AlertKind.NoSignal, $"No signal from {t.Profile.Name} {since}.", Now, null, t.TechnicianId));
            }
            else
            {
                _alerts.Remove(id);
            }
        }
        await PublishAlertsAsync();
    }

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
