using Orleans;

namespace OrleansPortal.Grains.Payments.Autopay;

/// <summary>A customer's saved-payment settings: ids only (Stripe's customer and the chosen method), and the autopay switch.</summary>
[GenerateSerializer, Immutable, Alias("op.CustomerWallet")]
public sealed record CustomerWallet(
    string? StripeCustomerId,
    string? DefaultMethodId,
    bool Autopay,
    string? AutopayChangedBy,
    DateTimeOffset? AutopayChangedAt);
