using Orleans;

namespace OrleansPortal.Grains.Payments.Records;

/// <summary>One payment attempt (a Stripe PaymentIntent): who paid what for which invoices, by which method, and how it went.</summary>
/// <param name="PaymentId">The provider's id ("pi_...").</param>
/// <param name="Method">card, sepa_debit, us_bank_account; null until known.</param>
/// <param name="Failure">Why it failed, in the provider's words.</param>
[GenerateSerializer, Immutable, Alias("op.PaymentRecord")]
public sealed record PaymentRecord(
    string TenantId, string PaymentId, string CustomerId, IReadOnlyList<string> InvoiceIds, long Amount, string Currency, string? Method,
    PaymentStatus Status, string? Failure, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
