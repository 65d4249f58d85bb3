using Orleans;

namespace OrleansPortal.Grains.Payments.Dunning;

/// <summary>
/// A payment that failed and is to be retried on the company's schedule. One case per invoice of ours (the case's id is
/// <see cref="InvoiceId"/>), whatever its kind.
/// </summary>
/// <param name="InvoiceId">Our invoice the money is for.</param>
/// <param name="Amount">What is asked, in minor units of <paramref name="Currency"/>.</param>
/// <param name="SubscriptionId">A renewal: our plan subscription, paused when the case is given up.</param>
/// <param name="ProviderInvoiceId">A renewal: Stripe's invoice, which each retry pays.</param>
/// <param name="ProviderSubscriptionId">A renewal: Stripe's subscription, whose collection is paused when the case is given up.</param>
/// <param name="ProviderCustomerId">Autopay: Stripe's customer holding the saved method.</param>
/// <param name="PaymentMethodId">Autopay: the saved method each retry charges off-session.</param>
[GenerateSerializer, Immutable, Alias("op.DunningCase")]
public sealed record DunningCase(
    DunningKind Kind,
    string InvoiceId,
    string CustomerId,
    long Amount,
    string Currency,
    string? SubscriptionId = null,
    string? ProviderInvoiceId = null,
    string? ProviderSubscriptionId = null,
    string? ProviderCustomerId = null,
    string? PaymentMethodId = null)
{
    /// <summary>What is missing for this kind of case to be retried, or null.</summary>
    public string? Problem() => Kind switch
    {
        _ when Amount <= 0 => "The amount must be positive.",
        DunningKind.PlanRenewal when ProviderInvoiceId is null || SubscriptionId is null => "A renewal names the provider's invoice and our subscription.",
        DunningKind.Autopay when ProviderCustomerId is null || PaymentMethodId is null => "An autopay charge names the provider's customer and the saved payment method.",
        _ => null,
    };
}
