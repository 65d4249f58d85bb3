using Orleans;

namespace OrleansPortal.Grains.Tickets;

[GenerateSerializer, Alias("op.TicketStatus")]
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
