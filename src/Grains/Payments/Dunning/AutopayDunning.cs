using Orleans;
using OrleansPortal.Grains.Notifications.Documents;
using OrleansPortal.Grains.Payments.Autopay;

namespace OrleansPortal.Grains.Payments.Dunning;

/// <summary>
/// Where a failed autopay charge goes: a dunning case that retries the saved method on the company's schedule (and
/// reminds the payers after each attempt). A failure that left nothing to retry with (no saved method, no Stripe
/// customer) only reminds them, once: the invoice keeps its Pay button.
/// </summary>
public sealed class AutopayDunning(IGrainFactory grains, InvoiceNotices notices) : IAutopayFailures
{
    public async Task FailedAsync(AutopayFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var invoice = failure.Invoice;
        if (invoice.Balance.Due <= 0) return; // paid meanwhile (by hand, in the portal)

        var customerId = invoice.Details.CustomerId;
        var wallet = await grains.GetGrain<ICustomerWalletGrain>(TenantKeys.For(failure.TenantId, customerId)).GetAsync();
        if (failure.PaymentMethodId is not { } method || wallet.StripeCustomerId is not { } stripeCustomer)
        {
            await notices.QueueFailedPaymentAsync(failure.TenantId, invoice, attempt: 1, nextRetry: null, planPaused: false);
            return;
        }

        // A case already open (this failure is a retry's own, reported by its webhook) answers as it is.
        await grains.GetGrain<IDunningGrain>(TenantKeys.For(failure.TenantId, invoice.InvoiceId)).StartAsync(new DunningCase(
            DunningKind.Autopay, invoice.InvoiceId, customerId, invoice.Balance.Due, invoice.Details.Currency,
            ProviderCustomerId: stripeCustomer, PaymentMethodId: method));
    }
}
