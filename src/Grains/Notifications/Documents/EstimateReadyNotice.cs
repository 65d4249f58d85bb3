using Microsoft.Extensions.Options;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Notifications.CustomerMessages;
using OrleansPortal.Grains.Payments;

namespace OrleansPortal.Grains.Notifications.Documents;

/// <summary>
/// Tells a customer's contacts that an estimate is ready for them (the owners, and property managers granted its
/// property), with a link that opens it in the portal's documents. Queued by the estimate grain once it is stored,
/// so an estimate made from anywhere (office, API, demo) is told the same way.
/// </summary>
public sealed class EstimateReadyNotice(CustomerMessageWriter writer, IOptions<NotificationLinkOptions> options)
{
    /// <summary>Queues the messages (a second call stores nothing new: same delivery keys). Throws when the outbox cannot store them.</summary>
    public async Task QueueAsync(string tenantId, Estimate estimate)
    {
        var notice = new Notice(NotificationTrigger.EstimateReady, $"{NotificationTrigger.EstimateReady}:{estimate.EstimateId}", estimate.Details.TicketId, NotBefore: null, model => model
            .Estimate(estimate.EstimateId, estimate.Details.Title, new Money(estimate.Totals.Total, estimate.Details.Currency))
            .Link("links.estimate", options.Value.Estimate(estimate.EstimateId)));
        await writer.QueueForCustomerAsync(tenantId, estimate.Details.CustomerId, customer => CustomerMessageWriter.Audience(customer, estimate.Details.PropertyId), notice);
    }
}
