using Orleans;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Notifications.Visits;

/// <summary>What a visit's notifications last saw of its ticket: enough to tell what changed since.</summary>
[GenerateSerializer, Immutable, Alias("op.VisitSeen")]
public sealed record VisitSeen(TicketStatus Status, TimeWindow? Window, string? TechnicianId, int AuditCount)
{
    public static VisitSeen Of(TicketSnapshot ticket) => new(ticket.Status, ticket.ArrivalWindow, ticket.TechnicianId, ticket.Audit.Count);
}
