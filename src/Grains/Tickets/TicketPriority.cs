namespace OrleansPortal.Grains.Tickets;

/// <summary>Emergency jobs go before high, high before routine, whatever else the optimizer weighs.</summary>
public enum TicketPriority
{
    Routine,
    High,
    Emergency,
}
