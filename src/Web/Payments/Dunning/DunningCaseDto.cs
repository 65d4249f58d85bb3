using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Dunning;
using OrleansPortal.Grains.Payments.Reports;

namespace OrleansPortal.Web.Payments.Dunning;

/// <summary>A failed payment being collected, for the office.</summary>
/// <param name="Id">The case's id: the invoice it collects.</param>
/// <param name="Kind">PlanRenewal or Autopay.</param>
/// <param name="Status">Retrying, Paused (by the office), GaveUp (after the last retry) or Resolved (paid).</param>
/// <param name="CustomerName">From the customer directory; null when the customer is not in it.</param>
/// <param name="InvoiceNumber">The invoice's number as people read it ("INV-00042"); null if the ledger has no issued row for it.</param>
/// <param name="Amount">Minor units of <paramref name="Currency"/>.</param>
/// <param name="Attempts">How many tries failed or succeeded, the first charge included.</param>
/// <param name="RetryDays">The schedule the case follows: days after <paramref name="OpenedAt"/>.</param>
/// <param name="PausedBy">The dispatcher (email) who paused the case, while it is paused.</param>
public sealed record DunningCaseDto(
    string Id, string Kind, string Status, string CustomerId, string? CustomerName, string InvoiceId, string? InvoiceNumber, string? SubscriptionId,
    long Amount, string Currency, DateTimeOffset OpenedAt, IReadOnlyList<int> RetryDays, DateTimeOffset? NextRetryAt, int Attempts, string? PausedBy,
    DateTimeOffset? ClosedAt)
{
    public static DunningCaseDto Of(DunningSnapshot s, InvoiceLabel? label) => new(s.CaseId, s.Case.Kind.ToString(), s.Status.ToString(), s.Case.CustomerId,
        label?.CustomerName, s.Case.InvoiceId, label is null ? null : InvoiceNumbers.Display(label.Number), s.Case.SubscriptionId, s.Case.Amount, s.Case.Currency,
        s.OpenedAt, s.RetryDays, s.NextRetryAt, s.Attempts.Count, s.PausedBy, s.ClosedAt);
}
