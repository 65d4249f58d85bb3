using OrleansPortal.Grains.Documents;

namespace OrleansPortal.Grains.Payments.Autopay;

/// <summary>
/// What the invoice grain calls once an invoice is issued (durably: numbered in the ledger, listed, the customer told):
/// charge it to the customer's default saved method when they turned autopay on. The web side implements it with Stripe;
/// without payments set up it does nothing (<see cref="NoInvoiceAutopay"/>).
/// </summary>
public interface IInvoiceAutopay
{
    /// <summary>
    /// Charges what is due on <paramref name="invoice"/> off-session, or does nothing when the customer has no autopay.
    /// Safe to call again for the same invoice: it charges at most once. Money is recorded only by Stripe's webhook.
    /// Throws when Stripe could not be asked (the caller tries again later); a refused charge is not an exception.
    /// </summary>
    Task ChargeIssuedAsync(string tenantId, Invoice invoice, CancellationToken cancellationToken = default);
}
