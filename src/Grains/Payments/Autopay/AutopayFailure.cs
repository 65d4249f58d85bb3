using Orleans;
using OrleansPortal.Grains.Documents;

namespace OrleansPortal.Grains.Payments.Autopay;

/// <summary>An autopay charge that did not go through.</summary>
/// <param name="Invoice">The invoice as it was when the failure was known (still open, its Pay button shown).</param>
/// <param name="PaymentMethodId">The saved method that was charged ("pm_..."), or null when none could be.</param>
/// <param name="PaymentIntentId">Stripe's attempt ("pi_..."), or null when Stripe refused before making one.</param>
/// <param name="Reason">Why, in Stripe's words (or ours when no charge was made).</param>
[GenerateSerializer, Immutable, Alias("op.AutopayFailure")]
public sealed record AutopayFailure(string TenantId, Invoice Invoice, string? PaymentMethodId, string? PaymentIntentId, string Reason);
