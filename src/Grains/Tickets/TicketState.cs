namespace OrleansPortal.Grains.Tickets;

public sealed class TicketState
{
    public NewTicket? Details { get; set; }

    public TimeWindow? ArrivalWindow { get; set; }

    public TicketStatus Status { get; set; } = TicketStatus.New;

    /// <summary>Where an on-hold ticket resumes.</summary>
    public TicketStatus? HeldFrom { get; set; }

    public string? HoldReason { get; set; }

    public string? TechnicianId { get; set; }

    public bool Pinned { get; set; }

    public List<AuditEntry> Audit { get; set; } = [];
}
