using Orleans;

namespace OrleansPortal.Grains.Payments.Dunning;

/// <summary>One try at the money: number 1 is the failure that opened the case, each retry the next.</summary>
/// <param name="ProviderError">The provider's decline code ("card_declined"), when it gave one.</param>
[GenerateSerializer, Immutable, Alias("op.DunningAttempt")]
public sealed record DunningAttempt(int Number, DateTimeOffset At, bool Succeeded, string? ProviderError);
