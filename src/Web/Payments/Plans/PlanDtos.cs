using OrleansPortal.Grains.Payments.Plans;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Web.Payments.Plans;

/// <param name="Price">Per period, in minor units of <paramref name="Currency"/>.</param>
/// <param name="Interval">Month or Year; a period is <paramref name="IntervalCount"/> of them.</param>
public sealed record PlanDto(
    string Id, string Name, string? Description, long Price, string Currency, string Interval, int IntervalCount, int VisitsPerPeriod, int VisitMinutes,
    IReadOnlyList<string> Skills, bool Active)
{
    public static PlanDto Of(MaintenancePlan p) => new(p.PlanId, p.Terms.Name, p.Terms.Description, p.Terms.Price, p.Terms.Currency, p.Terms.Interval.ToString(),
        p.Terms.IntervalCount, p.Terms.VisitsPerPeriod, p.Terms.VisitMinutes, p.Terms.Skills, p.Active);
}

/// <param name="Status">AwaitingPayment, Active, PastDue, Paused or Canceled.</param>
/// <param name="PaidUntil">When the paid period ends and the next charge falls (none once set to end).</param>
/// <param name="Periods">Each period's invoice and the recurring series of its visits, oldest first.</param>
/// <param name="NextVisit">The arrival window of the plan's next visit, when one is scheduled.</param>
/// <param name="PausedByRequest">While Paused: true when the customer or the office asked for it, false when dunning paused it after failed payments.</param>
/// <param name="ResumesAt">While Paused: when collection resumes on its own, if a date was set.</param>
public sealed record PlanSubscriptionDto(
    string Id, string CustomerId, string PropertyId, PlanDto Plan, string Status, bool CancelAtPeriodEnd, DateTimeOffset? PaidUntil,
    IReadOnlyList<PlanPeriodDto> Periods, int FailedPayments, DateTimeOffset CreatedAt, TimeWindow? NextVisit = null, bool PausedByRequest = false,
    DateTimeOffset? ResumesAt = null)
{
    public static PlanSubscriptionDto Of(PlanSubscriptionSnapshot s, TimeWindow? nextVisit = null)
    {
        var pause = s.Status == PlanSubscriptionStatus.Paused ? s.Pause : null;
        return new(s.SubscriptionId, s.CustomerId, s.PropertyId, PlanDto.Of(s.Plan), s.Status.ToString(), s.CancelAtPeriodEnd, s.PaidUntil,
            [.. s.Periods.Select(p => new PlanPeriodDto(p.Start, p.End, p.InvoiceId, p.SeriesId))], s.FailedPayments, s.CreatedAt, nextVisit,
            pause?.ByRequest ?? false, pause?.ResumesAt);
    }
}

public sealed record PlanPeriodDto(DateTimeOffset Start, DateTimeOffset End, string InvoiceId, string? SeriesId);
