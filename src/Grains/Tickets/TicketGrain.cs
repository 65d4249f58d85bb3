using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Persistence;
using Orleans.Streams;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Grains.Tickets;

public sealed class TicketGrain([PersistentState("ticket")] IPersistentState<TicketState> state, DomainClock clock, ILogger<TicketGrain> logger) : Grain, ITicketGrain
{
    public const double CheckInRadiusMeters = 500;

    private string TenantId => TenantKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string TicketId => TenantKeys.Split(this.GetPrimaryKeyString()).LocalId;

    public async Task<TicketSnapshot> CreateAsync(NewTicket ticket, string actor)
    {
        if (state.State.Details is not null) throw new ConflictException($"Ticket {TicketId} already exists.");
        state.State.Details = ticket;
        state.State.ArrivalWindow = ticket.ArrivalWindow;
        state.State.Status = ticket.ArrivalWindow is null ? TicketStatus.New : TicketStatus.Scheduled;
        state.State.Audit.Add(new AuditEntry(clock.GetUtcNow(), actor, null, state.State.Status, "created", null));
        await state.WriteStateAsync();
        // Registered after the ticket is stored: a crash in between leaves a ticket the portal does not list, never a listed
        // ticket that is missing. A failed registration is retried, and does not make the stored ticket an error.
        await this.RunAfterStoredAsync(logger, "listing the ticket for its customer",
            () => GrainFactory.GetGrain<Customers.ICustomerJobsGrain>(TenantKeys.For(TenantId, ticket.CustomerId)).AddAsync(TicketId));
        return await PublishAsync();
    }

    public Task<TicketSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public async Task<TicketSnapshot> ChangeStatusAsync(StatusChange change)
    {
        var ticket = state.State;
        EnsureExists();
        if (change.OnlyIfTechnician is { } owner && ticket.TechnicianId != owner) throw new NotFoundException($"Ticket {TicketId} is not this technician's job.");
        var from = ticket.Status;
        var previousTechnician = from is TicketStatus.EnRoute or TicketStatus.OnSite ? ticket.TechnicianId : null; // whose geofence watches this job now
        if (!TicketLifecycle.CanMove(from, change.To, ticket.HeldFrom))
            throw new InvalidTransitionException(TicketLifecycle.Explain(from, change.To, ticket.HeldFrom));

        // Check everything before changing anything, so a refused change leaves the ticket as it was.
        var technician = change.TechnicianId ?? (change.To is TicketStatus.Scheduled or TicketStatus.New ? null : ticket.TechnicianId);
        var window = change.ArrivalWindow ?? ticket.ArrivalWindow;
        if (change.To is TicketStatus.Assigned or TicketStatus.EnRoute or TicketStatus.OnSite && technician is null)
            throw new InvalidTransitionException($"A ticket becomes {change.To} only with a technician: name one.");
        if (change.To == TicketStatus.Scheduled && window is null)
            throw new InvalidTransitionException("A ticket is scheduled for an arrival window: give one.");
        if (change.To is TicketStatus.OnHold or TicketStatus.Cancelled && string.IsNullOrWhiteSpace(change.Reason))
            throw new InvalidTransitionException($"Putting a ticket {(change.To == TicketStatus.OnHold ? "on hold" : "to cancelled")} needs a reason.");

        if (change.To == TicketStatus.OnHold)
        {
            ticket.HeldFrom = from;
            ticket.HoldReason = change.Reason;
        }
        else
        {
            ticket.HeldFrom = null;
            ticket.HoldReason = null;
        }

        ticket.Status = change.To;
        ticket.TechnicianId = technician;
        ticket.ArrivalWindow = window;
        if (TicketLifecycle.IsFinal(change.To)) ticket.Pinned = false;
        ticket.Audit.Add(new AuditEntry(clock.GetUtcNow(), change.Actor, from, change.To, change.Reason, technician));
        await state.WriteStateAsync();
        await this.RunAfterStoredAsync(logger, "moving the technician's geofence", () => UpdateGeofenceAsync(state.State.Status, previousTechnician)); // a retry follows the status as it is then
        return await PublishAsync();
    }

    public Task<TicketSnapshot> CheckInAsync(GeoPoint position, string actor, string? reason, string? onlyIfTechnician = null)
    {
        EnsureExists();
        if (onlyIfTechnician is not null && state.State.TechnicianId != onlyIfTechnician) throw new NotFoundException($"Ticket {TicketId} is not this technician's job.");
        var distance = state.State.Details!.Location.DistanceMetersTo(position);
        if (distance > CheckInRadiusMeters && string.IsNullOrWhiteSpace(reason))
            throw new InvalidTransitionException($"You are {distance:0} m from the job; checking in is allowed within {CheckInRadiusMeters:0} m, or with a reason.");
        return ChangeStatusAsync(new StatusChange(TicketStatus.OnSite, actor, reason ?? $"checked in {distance:0} m from the job", OnlyIfTechnician: onlyIfTechnician));
    }

    // The technician's grain watches the site of the job it is heading to or working at (geofenced arrival and departure).
    private async Task UpdateGeofenceAsync(TicketStatus to, string? previousTechnician)
    {
        var ticket = state.State;
        if (to is TicketStatus.EnRoute or TicketStatus.OnSite)
        {
            var job = new CurrentJob(TicketId, ticket.Details!.Location, OnSite: to == TicketStatus.OnSite);
            await GrainFactory.GetGrain<ITechnicianGrain>(TenantKeys.For(TenantId, ticket.TechnicianId!)).SetCurrentJobAsync(job);
        }
        else if (previousTechnician is not null)
        {
            await GrainFactory.GetGrain<ITechnicianGrain>(TenantKeys.For(TenantId, previousTechnician)).ClearCurrentJobAsync(TicketId);
        }
    }

    public async Task<TicketSnapshot> SetPinnedAsync(bool pinned, string actor)
    {
        EnsureExists();
        if (TicketLifecycle.IsFinal(state.State.Status)) throw new InvalidTransitionException($"A {state.State.Status} ticket cannot be pinned.");
        if (state.State.Pinned == pinned) return Snapshot();
        state.State.Pinned = pinned;
        state.State.Audit.Add(new AuditEntry(clock.GetUtcNow(), actor, state.State.Status, state.State.Status, pinned ? "pinned" : "unpinned", state.State.TechnicianId));
        await state.WriteStateAsync();
        return await PublishAsync();
    }

    // After every stored change, so dispatch (and anyone else watching the tenant's tickets) sees what was kept. Dispatch
    // is also told directly, so its next answer counts this change even before the stream delivers it.
    private async Task<TicketSnapshot> PublishAsync()
    {
        var snapshot = Snapshot();
        await GrainFactory.GetGrain<Dispatch.IDispatchGrain>(TenantId).TicketChangedAsync(TicketId);
        await this.RunAfterStoredAsync(logger, "publishing the ticket's change",
            () => this.GetStreamProvider(TicketStreams.ProviderName).GetStream<TicketChanged>(TicketStreams.ChangesFor(TenantId)).OnNextAsync(new TicketChanged(snapshot)));
        return snapshot;
    }

    private void EnsureExists()
    {
        if (state.State.Details is null) throw new NotFoundException($"Ticket {TicketId} does not exist.");
    }

    private TicketSnapshot Snapshot()
    {
        EnsureExists();
        var t = state.State;
        return new TicketSnapshot(TenantId, TicketId, t.Details!, t.ArrivalWindow, t.Status, t.TechnicianId, t.HoldReason, t.Pinned, [.. t.Audit]);
    }
}
