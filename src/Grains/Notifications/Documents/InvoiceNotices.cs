using Microsoft.Extensions.Options;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Notifications.CustomerMessages;
using OrleansPortal.Grains.Payments;

namespace OrleansPortal.Grains.Notifications.Documents;

/// <summary>
/// Tells the people who pay a customer's bills (its owners and accounts-payable contacts; property managers do not
/// pay) that an invoice was issued, that a payment was received, or that an invoice is overdue, each with a link that
/// opens the invoice in the portal. Delivery keys make every call safe to repeat.
/// </summary>
public sealed class InvoiceNotices(CustomerMessageWriter writer, IOptions<NotificationLinkOptions> options)
{
    /// <summary>The contacts who hear about a customer's money.</summary>
    public static IReadOnlyList<CustomerContact> Payers(CustomerSnapshot customer) =>
        [.. customer.Contacts.Where(c => c.Role is ContactRole.Owner or ContactRole.AccountsPayable)];

    /// <summary>Queues "invoice issued". Throws when the outbox cannot store it.</summary>
    public Task QueueIssuedAsync(string tenantId, Invoice invoice) =>
        QueueAsync(tenantId, invoice, NotificationTrigger.InvoiceIssued, $"{NotificationTrigger.InvoiceIssued}:{invoice.InvoiceId}", model => model);

    /// <summary>Queues the receipt for <paramref name="amount"/> received by payment <paramref name="paymentId"/>. Throws when the outbox cannot store it.</summary>
    public Task QueueReceiptAsync(string tenantId, Invoice invoice, string paymentId, long amount) =>
        QueueAsync(tenantId, invoice, NotificationTrigger.PaymentReceipt, $"{NotificationTrigger.PaymentReceipt}:{paymentId}:{invoice.InvoiceId}",
            model => model.Payment(new Money(amount, invoice.Details.Currency)));

    /// <summary>Queues the reminder of an invoice <paramref name="daysOverdue"/> days past its due date; each step is sent once.</summary>
    public Task QueueOverdueAsync(string tenantId, Invoice invoice, int daysOverdue) =>
        QueueAsync(tenantId, invoice, NotificationTrigger.PaymentReminder, $"{NotificationTrigger.PaymentReminder}:{invoice.InvoiceId}:due+{daysOverdue}",
            model => model.Overdue(daysOverdue));

    /// <summary>
    /// Queues the reminder that payment attempt <paramref name="attempt"/> of the invoice failed, with the day of the next
    /// retry (null after the last one); each attempt is told once.
    /// </summary>
    public Task QueueFailedPaymentAsync(string tenantId, Invoice invoice, int attempt, DateOnly? nextRetry, bool planPaused) =>
        QueueAsync(tenantId, invoice, NotificationTrigger.PaymentReminder, $"{NotificationTrigger.PaymentReminder}:{invoice.InvoiceId}:attempt-{attempt}",
            model => model.FailedPayment(attempt, nextRetry, planPaused));

    private async Task QueueAsync(string tenantId, Invoice invoice, NotificationTrigger trigger, string key, Func<Templates.NotificationModel, Templates.NotificationModel> more)
    {
        var total = new Money(invoice.Totals.Total, invoice.Details.Currency);
        var notice = new Notice(trigger, key, invoice.Details.TicketId, NotBefore: null, model => more(model
            .Invoice(invoice.DisplayNumber, total, invoice.Details.DueDate)
            .Link("links.invoice", options.Value.Invoice(invoice.InvoiceId))));
        await writer.QueueForCustomerAsync(tenantId, invoice.Details.CustomerId, Payers, notice);
    }
}
