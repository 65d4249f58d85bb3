using Microsoft.Extensions.Options;
using OrleansPortal.Grains.Notifications.CustomerMessages;
using OrleansPortal.Grains.Support.Cases;

namespace OrleansPortal.Grains.Notifications.Support;

/// <summary>
/// Acknowledges a new support case to the contact who opened it, with its number and a link that opens it in the
/// portal. Queued by the case grain once the case is stored, so a case opened from anywhere (the portal, later email
/// or chat) is acknowledged the same way; a case nobody of the customer's contacts opened is acknowledged to nobody.
/// </summary>
public sealed class CaseAcknowledgedNotice(CustomerMessageWriter writer, IOptions<NotificationLinkOptions> options)
{
    /// <summary>Queues the messages (a second call stores nothing new: same delivery keys). Throws when the outbox cannot store them.</summary>
    public async Task QueueAsync(CaseSnapshot opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        if (opened.OpenedByContactId is not { } contactId) return;
        var notice = new Notice(NotificationTrigger.CaseAcknowledged, $"{NotificationTrigger.CaseAcknowledged}:{opened.CaseId}", opened.TicketId, NotBefore: null, model => model
            .Case(opened.DisplayNumber, opened.Subject)
            .Link("links.case", options.Value.Case(opened.CaseId)));
        await writer.QueueForCustomerAsync(opened.TenantId, opened.CustomerId, customer => [.. customer.Contacts.Where(c => c.ContactId == contactId)], notice);
    }
}
