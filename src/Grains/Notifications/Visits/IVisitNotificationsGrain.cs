using Orleans;
using Orleans.Concurrency;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Notifications.Visits;

/// <summary>
/// A visit's messages to its customer, keyed "{tenantId}:{ticketId}": it watches the ticket's changes (handed on by
/// <see cref="ITicketNotificationsRouterGrain"/>) and its ETA stream, and queues the messages each moment calls for.
/// </summary>
[Alias("op.IVisitNotificationsGrain")]
public interface IVisitNotificationsGrain : IGrainWithStringKey
{
    /// <summary>The ticket as it is after a change; an older state arriving late is ignored. One-way: the router never waits on a visit.</summary>
    [OneWay]
    Task ObserveAsync(TicketSnapshot ticket);
}
