using Orleans;

namespace OrleansPortal.Grains.Tickets;

/// <summary>Emergency jobs go before high, high before routine, whatever else the optimizer weighs.</summary>
[GenerateSerializer, Alias("op.TicketPriority")]
public enum TicketPriority
{
    Routine,
    High,
    Emergency,
}
