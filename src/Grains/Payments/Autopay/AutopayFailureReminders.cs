using OrleansPortal.Grains.Notifications.Documents;

namespace OrleansPortal.Grains.Payments.Autopay;

/// <summary>
/// Until dunning takes over <see cref="IAutopayFailures"/>: tells the customer's payers at once, through the notification
/// engine's payment-reminder trigger, that the invoice is still to be paid (its link opens it with the Pay button).
/// </summary>
public sealed class AutopayFailureReminders(InvoiceNotices notices) : IAutopayFailures
{
    public Task FailedAsync(AutopayFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.Invoice.Balance.Due <= 0) return Task.CompletedTask; // paid meanwhile (by hand, in the portal)
        // One reminder per failed attempt: a delivery key of the attempt, so a failure reported again is sent once.
        return notices.QueueReminderAsync(failure.TenantId, failure.Invoice, "autopay-" + (failure.PaymentIntentId ?? "refused"));
    }
}
