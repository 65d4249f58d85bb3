using Orleans;
using Orleans.Streams;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Notifications.Visits;

[ImplicitStreamSubscription(TicketStreams.ChangesNamespace)]
public sealed class TicketNotificationsRouterGrain : Grain, ITicketNotificationsRouterGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var tenantId = this.GetPrimaryKeyString();
        await this.GetStreamProvider(TicketStreams.ProviderName).GetStream<TicketChanged>(TicketStreams.ChangesFor(tenantId))
            .SubscribeAsync((change, _) => GrainFactory.GetGrain<IVisitNotificationsGrain>(TenantKeys.For(tenantId, change.Ticket.TicketId)).ObserveAsync(change.Ticket));
        await base.OnActivateAsync(cancellationToken);
    }
}
