using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Notifications.CustomerMessages;

namespace OrleansPortal.Grains.Notifications.Documents;

/// <summary>
/// Tells a customer's contacts that an estimate is ready for them (the owners, and property managers granted its
/// property), with a link that opens it in the portal's documents. Queued by the estimate grain once it is stored,
/// so an estimate made from anywhere (office, API, demo) is told the same way.
/// </summary>
public sealed partial class EstimateReadyNotice(IGrainFactory grains, CustomerMessageWriter writer, IOptions<NotificationLinkOptions> options, ILogger<EstimateReadyNotice> logger)
{
    /// <summary>Queues the messages (a second call stores nothing new: same delivery keys). Throws when the outbox cannot store them.</summary>
    public async Task QueueAsync(string tenantId, Estimate estimate)
    {
        CustomerSnapshot customer;
        try
        {
            customer = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenantId, estimate.Details.CustomerId)).GetAsync();
        }
        catch (NotFoundException)
        {
            LogNobodyToTell(estimate.EstimateId);
            return; // the customer is gone: nobody to tell, and asking again would not change that
        }

        var notice = new Notice(NotificationTrigger.EstimateReady, $"{NotificationTrigger.EstimateReady}:{estimate.EstimateId}", estimate.Details.TicketId, NotBefore: null, model => model
            .Estimate(estimate.EstimateId, estimate.Details.Title, estimate.Total, estimate.Details.Currency)
            .Link("links.estimate", options.Value.Estimate(estimate.EstimateId)));
        await writer.QueueAsync(tenantId, customer, CustomerMessageWriter.Audience(customer, estimate.Details.PropertyId), [notice]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Estimate {EstimateId} is ready but its customer no longer exists; nobody is told")]
    private partial void LogNobodyToTell(string estimateId);
}
