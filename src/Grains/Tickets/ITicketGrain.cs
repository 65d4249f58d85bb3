using Orleans;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Grains.Tickets;

/// <summary>
/// A work order, keyed "{tenantId}:{ticketId}". Every status change is checked against <see cref="TicketLifecycle"/>
/// and recorded in the audit trail with who, when and why; a refused change throws <see cref="InvalidTransitionException"/>
/// and changes nothing.
/// </summary>
[Alias("op.ITicketGrain")]
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>Creates the ticket as New; throws <see cref="ConflictException"/> if it exists.</summary>
    Task<TicketSnapshot> CreateAsync(NewTicket ticket, string actor);

    /// <summary>Throws <see cref="NotFoundException"/> for a ticket never created.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<TicketSnapshot> GetAsync();

    Task<TicketSnapshot> ChangeStatusAsync(StatusChange change);

    /// <summary>
    /// The technician says they are on site. More than <see cref="TicketGrain.CheckInRadiusMeters"/> from the job it is
    /// refused unless they give a reason, which the audit trail keeps.
    /// </summary>
    Task<TicketSnapshot> CheckInAsync(GeoPoint position, string actor, string? reason, string? onlyIfTechnician = null);

    /// <summary>A pinned ticket stays with its technician and time when the day is re-optimized.</summary>
    Task<TicketSnapshot> SetPinnedAsync(bool pinned, string actor);
}

[GenerateSerializer, Immutable, Alias("op.TimeWindow")]
public sealed record TimeWindow(DateTimeOffset Start, DateTimeOffset End);

/// <param name="PreferredTechnicianId">
/// The technician the customer would rather see; dispatch sends them when it costs little. Optional, and absent
/// (null) in tickets stored before it existed.
/// </param>
[GenerateSerializer, Immutable, Alias("op.NewTicket")]
public sealed record NewTicket(
    string CustomerId,
    string PropertyId,
    GeoPoint Location,
    string Address,
    string Description,
    IReadOnlyList<string> RequiredSkills,
    TimeSpan EstimatedDuration,
    TimeWindow? ArrivalWindow,
    TicketPriority Priority,
    string? PreferredTechnicianId = null);

/// <summary>A requested change: the new status and what it needs (a technician to assign, a window to schedule, a reason to hold or cancel).</summary>
/// <param name="OnlyIfTechnician">
/// The change applies only while the ticket is this technician's (a technician's phone acting on its own job): checked in the
/// ticket's turn, so a reassignment between the caller's read and its change cannot let the wrong technician move it.
/// </param>
[GenerateSerializer, Immutable, Alias("op.StatusChange")]
public sealed record StatusChange(TicketStatus To, string Actor, string? Reason = null, string? TechnicianId = null, TimeWindow? ArrivalWindow = null, string? OnlyIfTechnician = null);

[GenerateSerializer, Immutable, Alias("op.AuditEntry")]
public sealed record AuditEntry(DateTimeOffset At, string Actor, TicketStatus? From, TicketStatus To, string? Reason, string? TechnicianId);

[GenerateSerializer, Immutable, Alias("op.TicketSnapshot")]
public sealed record TicketSnapshot(
    string TenantId,
    string TicketId,
    NewTicket Details,
    TimeWindow? ArrivalWindow,
    TicketStatus Status,
    string? TechnicianId,
    string? HoldReason,
    bool Pinned,
    IReadOnlyList<AuditEntry> Audit);
