using Orleans;

namespace OrleansPortal.Grains.Documents;

/// <summary>
/// A price offer to a customer, keyed "{tenantId}:{estimateId}". It is decided once: after an approval or a decline
/// nothing changes it again, and a pending estimate past its validity can be declined but not approved.
/// </summary>
[Alias("op.IEstimateGrain")]
public interface IEstimateGrain : IGrainWithStringKey
{
    /// <summary>Creates the estimate as Pending, totalled from its lines; throws <see cref="ConflictException"/> if it exists.</summary>
    Task<Estimate> CreateAsync(NewEstimate estimate);

    /// <summary>Throws <see cref="NotFoundException"/> for an estimate never created.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<Estimate> GetAsync();

    /// <summary>
    /// Records the customer's approval or decline with the signature as typed and the time from the clock. Throws
    /// <see cref="ConflictException"/> when it was already decided, or for an approval after <see cref="NewEstimate.ValidUntil"/>.
    /// </summary>
    Task<Estimate> DecideAsync(EstimateDecisionRequest decision);
}

[GenerateSerializer, Alias("op.EstimateStatus")]
public enum EstimateStatus
{
    Pending,
    Approved,
    Declined,
}

[GenerateSerializer, Immutable, Alias("op.NewEstimate")]
public sealed record NewEstimate(
    string CustomerId, string? PropertyId, string? TicketId, string Title, IReadOnlyList<LineItem> Lines, string Currency, DateTimeOffset ValidUntil, string CreatedBy);

[GenerateSerializer, Immutable, Alias("op.EstimateDecisionRequest")]
public sealed record EstimateDecisionRequest(bool Approve, string SignedName, string ContactId, string? ClientIp);

[GenerateSerializer, Immutable, Alias("op.EstimateDecision")]
public sealed record EstimateDecision(bool Approved, string SignedName, string ContactId, string? ClientIp, DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("op.Estimate")]
public sealed record Estimate(
    string EstimateId, NewEstimate Details, DocumentTotals Totals, DateTimeOffset CreatedAt, EstimateStatus Status, EstimateDecision? Decision)
{
    public bool IsExpired(DateTimeOffset now) => Status == EstimateStatus.Pending && now > Details.ValidUntil;
}
