using Orleans;

namespace OrleansPortal.Grains.Payments.Dunning;

/// <param name="RetryDays">The company's schedule when the case opened (days after <paramref name="OpenedAt"/>).</param>
/// <param name="NextRetryAt">When the next retry is due; null when none is scheduled (paused, given up, resolved).</param>
/// <param name="Attempts">Oldest first; the first is the failure that opened the case.</param>
[GenerateSerializer, Immutable, Alias("op.DunningSnapshot")]
public sealed record DunningSnapshot(
    string CaseId,
    DunningCase Case,
    DunningStatus Status,
    DateTimeOffset OpenedAt,
    IReadOnlyList<int> RetryDays,
    DateTimeOffset? NextRetryAt,
    IReadOnlyList<DunningAttempt> Attempts,
    string? PausedBy,
    DateTimeOffset? ClosedAt);
