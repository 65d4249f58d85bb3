using OrleansPortal.Grains;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Web.Tickets;

public sealed record TicketDto(
    string Id,
    string CustomerId,
    string PropertyId,
    GeoPoint Location,
    string Address,
    string Description,
    IReadOnlyList<string> RequiredSkills,
    double EstimatedMinutes,
    TimeWindow? ArrivalWindow,
    string Priority,
    string Status,
    string? TechnicianId,
    string? HoldReason,
    bool Pinned,
    IReadOnlyList<AuditEntryDto> Audit,
    string? PreferredTechnicianId);

public sealed record AuditEntryDto(DateTimeOffset At, string Actor, string? From, string To, string? Reason, string? TechnicianId);

public static class TicketDtoMapping
{
    public static TicketDto AsDto(this TicketSnapshot t) => new(
        t.TicketId, t.Details.CustomerId, t.Details.PropertyId, t.Details.Location, t.Details.Address, t.Details.Description,
        t.Details.RequiredSkills, t.Details.EstimatedDuration.TotalMinutes, t.ArrivalWindow, t.Details.Priority.ToString(),
        t.Status.ToString(), t.TechnicianId, t.HoldReason, t.Pinned,
        [.. t.Audit.Select(a => new AuditEntryDto(a.At, a.Actor, a.From?.ToString(), a.To.ToString(), a.Reason, a.TechnicianId))],
        t.Details.PreferredTechnicianId);
}
