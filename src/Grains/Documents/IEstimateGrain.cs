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
    /// <remarks>
    /// An approval of an estimate asking for a deposit issues the deposit invoice, its id stored with the decision
    /// before the invoice is issued. Approving such an estimate again answers it as it is (no second invoice), so the
    /// customer can go back to paying it.
    /// </remarks>
    Task<Estimate> DecideAsync(EstimateDecisionRequest decision);

    /// <summary>
    /// Issues a progress invoice against the approved estimate, crediting the paid deposit not credited yet. Throws
    /// <see cref="ConflictException"/> for an estimate not approved, or for more than remains to bill; then nothing changes.
    /// </summary>
    Task<Estimate> BillProgressAsync(ProgressBill bill);
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
    string CustomerId, string? PropertyId, string? TicketId, string Title, IReadOnlyList<LineItem> Lines, string Currency, DateTimeOffset ValidUntil, string CreatedBy,
    DepositTerms? Deposit = null);

[GenerateSerializer, Immutable, Alias("op.EstimateDecisionRequest")]
public sealed record EstimateDecisionRequest(bool Approve, string SignedName, string ContactId, string? ClientIp);

[GenerateSerializer, Immutable, Alias("op.EstimateDecision")]
public sealed record EstimateDecision(bool Approved, string SignedName, string ContactId, string? ClientIp, DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("op.Estimate")]
public sealed record Estimate(
    string EstimateId, NewEstimate Details, DocumentTotals Totals, DateTimeOffset CreatedAt, EstimateStatus Status, EstimateDecision? Decision,
    EstimateBilling? Billing = null)
{
    /// <summary>How people name it on invoices: "EST-" and the start of its id (estimates take no numbers).</summary>
    public string DisplayNumber => "EST-" + EstimateId[..Math.Min(8, EstimateId.Length)].ToUpperInvariant();

    public bool IsExpired(DateTimeOffset now) => Status == EstimateStatus.Pending && now > Details.ValidUntil;
}
