using Orleans;

namespace OrleansPortal.Grains.Payments.Dunning;

/// <summary>What the provider said to one retry.</summary>
[GenerateSerializer, Alias("op.RetryOutcomeKind")]
public enum RetryOutcomeKind
{
    /// <summary>Paid (or a debit accepted and processing): the case ends.</summary>
    Paid,

    /// <summary>Refused (a decline): the attempt counts, the customer is reminded.</summary>
    Declined,

    /// <summary>The provider could not be reached or failed itself: nothing counted, the same attempt is made at the next check.</summary>
    Unavailable,
}

[GenerateSerializer, Immutable, Alias("op.RetryOutcome")]
public sealed record RetryOutcome(RetryOutcomeKind Kind, string? ProviderError = null);
