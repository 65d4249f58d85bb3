using Microsoft.Extensions.Options;
using OrleansPortal.Grains.Notifications.CustomerMessages;
using OrleansPortal.Grains.Support.Cases;

namespace OrleansPortal.Grains.Notifications.Support;

/// <summary>
/// What a support case tells the contact who opened it: that it was received, with its number (CaseAcknowledged), and
/// each answer of the team (CaseReplied), with a link that opens the case in the portal. Queued by the case grain once
/// its change is stored, so a case worked from anywhere is told the same way; a case none of the customer's contacts
/// opened is told to nobody. Each notice's key names its case (and answer), so queuing it again stores nothing new.
/// </summary>
public sealed class CaseNotices(CustomerMessageWriter writer, IOptions<NotificationLinkOptions> options)
{
    /// <summary>Queues the acknowledgement. Throws when the outbox cannot store it.</summary>
    public Task AcknowledgeAsync(CaseSnapshot opened) =>
        QueueAsync(opened, NotificationTrigger.CaseAcknowledged, opened.CaseId, _ => { });

    /// <summary>Queues the team's answer <paramref name="reply"/> (an entry of the case). Throws when the outbox cannot store it.</summary>
    public Task ReplyAsync(CaseSnapshot answered, CaseEntry reply) =>
        QueueAsync(answered, NotificationTrigger.CaseReplied, $"{answered.CaseId}:{reply.Id}", model => model.CaseReply(reply.Text));

    private async Task QueueAsync(CaseSnapshot c, NotificationTrigger trigger, string key, Action<Templates.NotificationModel> fill)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.OpenedByContactId is not { } contactId) return;
        var notice = new Notice(trigger, $"{trigger}:{key}", c.TicketId, NotBefore: null, model =>
        {
            model.Case(c.DisplayNumber, c.Subject).Link("links.case", options.Value.Case(c.CaseId));
            fill(model);
        });
        await writer.QueueForCustomerAsync(c.TenantId, c.CustomerId, customer => [.. customer.Contacts.Where(x => x.ContactId == contactId)], notice);
    }
}
