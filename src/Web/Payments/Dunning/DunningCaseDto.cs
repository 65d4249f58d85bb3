using OrleansPortal.Grains.Payments.Dunning;

namespace OrleansPortal.Web.Payments.Dunning;

/// <summary>A failed payment being collected, for the office.</summary>
/// <param name="Id">The case's id: the invoice it collects.</param>
/// <param name="Kind">PlanRenewal or Autopay.</param>
/// <param name="Status">Retrying, Paused (by the office), GaveUp (after the last retry) or Resolved (paid).</param>
/// <param name="Amount">Minor units of <paramref name="Currency"/>.</param>
/// <param name="Attempts">How many tries failed or succeeded, the first charge included.</param>
/// <param name="RetryDays">The schedule the case follows: days after <paramref name="OpenedAt"/>.</param>
public sealed record DunningCaseDto(
    string Id, string Kind, string Status, string CustomerId, string InvoiceId, string? SubscriptionId, long Amount, string Currency, DateTimeOffset OpenedAt,
    IReadOnlyList<int> RetryDays, DateTimeOffset? NextRetryAt, int Attempts, string? PausedBy, DateTimeOffset? ClosedAt)
{
    public static DunningCaseDto Of(DunningSnapshot s) => new(s.CaseId, s.Case.Kind.ToString(), s.Status.ToString(), s.Case.CustomerId, s.Case.InvoiceId,
        s.Case.SubscriptionId, s.Case.Amount, s.Case.Currency, s.OpenedAt, s.RetryDays, s.NextRetryAt, s.Attempts.Count, s.PausedBy, s.ClosedAt);
}
