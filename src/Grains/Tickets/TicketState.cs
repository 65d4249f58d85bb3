using Orleans;

namespace OrleansPortal.Grains.Tickets;

[GenerateSerializer, Alias("op.TicketState")]
public sealed class TicketState
{
    [Id(0)]
    public NewTicket? Details { get; set; }

    [Id(1)]
    public TimeWindow? ArrivalWindow { get; set; }

    [Id(2)]
    public TicketStatus Status { get; set; } = TicketStatus.New;

    /// <summary>Where an on-hold ticket resumes.</summary>
    [Id(3)]
    public TicketStatus? HeldFrom { get; set; }

    [Id(4)]
    public string? HoldReason { get; set; }

    [Id(5)]
    public string? TechnicianId { get; set; }

    [Id(6)]
    public bool Pinned { get; set; }

    [Id(7)]
    public List<AuditEntry> Audit { get; set; } = [];
}
