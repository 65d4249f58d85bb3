using System.Collections.Concurrent;
using Orleans;
using Orleans.Streams;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Portal.Jobs;

namespace OrleansPortal.Web.Portal.Appointments;

/// <summary>
/// Adapts the grains' streams to followed appointments (grains never see SignalR). Per followed job: its
/// "ticket-eta" stream; per tenant: its "ticket-changes" stream, filtered to followed jobs. While a followed job is
/// en route, its technician's "technician-location" stream too, and every position is checked again at the moment it
/// would be sent: the job must still be en route with that technician. The privacy rule is this check, not the
/// subscription's timing, so a position that races a status change is dropped rather than leaked. What passes goes to
/// every <see cref="IAppointmentAudience"/> (the portal's appointment page, the tracking-link page).
/// </summary>
public sealed class AppointmentFeed(IClusterClient client, IEnumerable<IAppointmentAudience> audiences, DomainClock clock) : IStreamFeed
{
    private readonly IAppointmentAudience[] _audiences = [.. audiences];
    private readonly SubscriptionCache<string, StreamSubscriptionHandle<TicketChanged>> _tenants = new();
    private readonly ConcurrentDictionary<(string Tenant, string Ticket), Followed> _followed = new();

    public async Task WatchAsync(string tenantId, string ticketId)
    {
        await _tenants.GetOrSubscribeAsync(tenantId, id => Streams.GetStream<TicketChanged>(TicketStreams.ChangesFor(id)).SubscribeAsync((e, _) => OnTicketAsync(e.Ticket)));
        var followed = _followed.GetOrAdd((tenantId, ticketId), key => new Followed(key.Tenant, key.Ticket));
        await followed.StartAsync(this);
    }

    /// <summary>The technician's latest position, only if the job is en route with them now and the fix is fresh.</summary>
    public async Task<AppointmentPositionDto?> CurrentPositionAsync(TicketSnapshot job)
    {
        if (job.Status != TicketStatus.EnRoute || job.TechnicianId is null) return null;
        var fix = (await client.GetGrain<ITechnicianGrain>(TenantKeys.For(job.TenantId, job.TechnicianId)).GetAsync()).Position;
        return fix is null || clock.GetUtcNow() - fix.Time > EtaPolicy.PositionFreshness ? null : Position(job.TicketId, fix);
    }

    private IStreamProvider Streams => client.GetStreamProvider(DispatchStreams.ProviderName);

    private IClusterClient Grains => client;

    private async Task OnTicketAsync(TicketSnapshot ticket)
    {
        if (!_followed.TryGetValue((ticket.TenantId, ticket.TicketId), out var followed)) return;
        await followed.UpdateAsync(this, ticket);
        var rules = await client.GetGrain<IDispatchGrain>(ticket.TenantId).GetBookingRulesAsync();
        var job = await PortalJobMapping.ToDtoAsync(ticket, client, rules, clock.GetUtcNow());
        await ToAll(a => a.StatusAsync(ticket, job));
    }

    private Task ToAll(Func<IAppointmentAudience, Task> send) => Task.WhenAll(_audiences.Select(send));

    private static AppointmentPositionDto Position(string ticketId, GpsFix fix) => new(ticketId, fix.Latitude, fix.Longitude, fix.HeadingDegrees, fix.Time);

    public async Task UnsubscribeAllAsync()
    {
        foreach (var followed in _followed.Values) await followed.DisposeAsync();
        foreach (var tenant in await _tenants.AllAsync()) await tenant.UnsubscribeAsync();
    }

    /// <summary>One followed job: its latest known state, its ETA subscription, and the technician subscription while en route.</summary>
    private sealed class Followed(string tenantId, string ticketId) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private volatile TicketSnapshot? _ticket;
        private StreamSubscriptionHandle<TicketEta>? _eta;
        private StreamSubscriptionHandle<TechnicianPositionChanged>? _technician;
        private string? _technicianId;

        public async Task StartAsync(AppointmentFeed feed)
        {
            await _gate.WaitAsync();
            try
            {
                if (_eta is not null) return;
                _eta = await feed.Streams.GetStream<TicketEta>(DispatchStreams.EtaFor(tenantId, ticketId)).SubscribeAsync((eta, _) => OnEtaAsync(feed, eta));
            }
            finally
            {
                _gate.Release();
            }
            await UpdateAsync(feed, await feed.Grains.GetGrain<ITicketGrain>(TenantKeys.For(tenantId, ticketId)).GetAsync());
        }

        /// <summary>Follows the technician exactly while the job is en route with them.</summary>
        public async Task UpdateAsync(AppointmentFeed feed, TicketSnapshot ticket)
        {
            await _gate.WaitAsync();
            try
            {
                if (_ticket is { } known && known.Audit.Count > ticket.Audit.Count) return; // an older state arriving late
                _ticket = ticket;
                var wanted = ticket.Status == TicketStatus.EnRoute ? ticket.TechnicianId : null;
                if (wanted == _technicianId) return;
                if (_technician is not null)
                {
                    await _technician.UnsubscribeAsync();
                    _technician = null;
                    await feed.ToAll(a => a.HiddenAsync(tenantId, ticketId));
                }
                _technicianId = wanted;
                if (wanted is not null)
                {
                    _technician = await feed.Streams.GetStream<TechnicianPositionChanged>(LocationStreams.ForTechnician(tenantId, wanted))
                        .SubscribeAsync((change, _) => OnPositionAsync(feed, change));
                    // Where the technician is now: a ping between the status change and this subscription would
                    // otherwise reach the customer only with the next one. Read after subscribing, so none falls between.
                    if (await feed.CurrentPositionAsync(ticket) is { } now) await feed.ToAll(a => a.PositionAsync(tenantId, now));
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        private Task OnPositionAsync(AppointmentFeed feed, TechnicianPositionChanged change)
        {
            var ticket = _ticket;
            if (ticket is null || ticket.Status != TicketStatus.EnRoute || ticket.TechnicianId != change.TechnicianId) return Task.CompletedTask;
            var position = Position(ticketId, change.Fix);
            return feed.ToAll(a => a.PositionAsync(tenantId, position));
        }

        private Task OnEtaAsync(AppointmentFeed feed, TicketEta eta)
        {
            var ticket = _ticket;
            if (ticket is null || ticket.Status is not (TicketStatus.Assigned or TicketStatus.EnRoute)) return Task.CompletedTask;
            var update = new AppointmentEtaDto(ticketId, eta.Eta, eta.MinutesLate);
            return feed.ToAll(a => a.EtaAsync(tenantId, update));
        }

        public async ValueTask DisposeAsync()
        {
            if (_eta is not null) await _eta.UnsubscribeAsync();
            if (_technician is not null) await _technician.UnsubscribeAsync();
        }
    }
}
