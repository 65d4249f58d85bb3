namespace OrleansPortal.Grains.Tickets;

public enum TicketStatus
{
    New,
    Scheduled,
    Assigned,
    EnRoute,
    OnSite,
    Completed,
    Cancelled,
    OnHold,
}
