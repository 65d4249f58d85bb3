using Orleans;

namespace OrleansPortal.Grains.Notifications.Visits;

/// <summary>
/// One per tenant (key: the tenant id), subscribed implicitly to the tenant's "ticket-changes" stream: hands each change
/// to the ticket's <see cref="IVisitNotificationsGrain"/>. It has no methods; the stream is its only input.
/// </summary>
[Alias("op.ITicketNotificationsRouterGrain")]
public interface ITicketNotificationsRouterGrain : IGrainWithStringKey;
