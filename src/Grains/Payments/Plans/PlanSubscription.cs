using Orleans;

namespace OrleansPortal.Grains.Payments.Plans;

[GenerateSerializer, Alias("op.PlanSubscriptionStatus")]
public enum PlanSubscriptionStatus
{
    /// <summary>Enrolled; the first period is not paid yet.</summary>
    AwaitingPayment,
    Active,

    /// <summary>A renewal failed; it is retried and the customer reminded.</summary>
    PastDue,

    /// <summary>Collection paused (on request by the customer or the office, or by dunning after the last failed retry): no periods are charged.</summary>
    Paused,
    Canceled,
}

[GenerateSerializer, Immutable, Alias("op.NewPlanSubscription")]
public sealed record NewPlanSubscription(string CustomerId, string PropertyId, MaintenancePlan Plan, string CreatedBy);

/// <summary>What the payment provider reports for one period's bill.</summary>
/// <param name="ProviderInvoiceId">The provider's invoice for the period ("in_..."): each is recorded once.</param>
[GenerateSerializer, Immutable, Alias("op.PeriodBill")]
public sealed record PeriodBill(string ProviderInvoiceId, long Amount, string Currency, DateTimeOffset Start, DateTimeOffset End);

/// <summary>A period of the plan: our invoice for it and, once paid, the recurring series of its visits.</summary>
[GenerateSerializer, Immutable, Alias("op.PlanPeriod")]
public sealed record PlanPeriod(DateTimeOffset Start, DateTimeOffset End, string ProviderInvoiceId, string InvoiceId, string? SeriesId);

/// <summary>How the provider has the plan's collection paused.</summary>
/// <param name="ByRequest">Someone (the customer or the office) asked for it; otherwise dunning paused it after the last failed retry.</param>
/// <param name="ResumesAt">When the provider resumes collecting on its own; null until someone resumes it.</param>
[GenerateSerializer, Immutable, Alias("op.PlanPause")]
public sealed record PlanPause(bool ByRequest, DateTimeOffset? ResumesAt);

/// <param name="Periods">Oldest first.</param>
/// <param name="Pause">While <see cref="PlanSubscriptionStatus.Paused"/>: who asked and until when.</param>
/// <param name="PauseChanges">
/// How often the provider reported the pause changed (paused, resumed, a new resume date): a change asked for is named
/// by it, so asking again before the provider answers is the same request, and asking after it is a new one.
/// </param>
[GenerateSerializer, Immutable, Alias("op.PlanSubscriptionSnapshot")]
public sealed record PlanSubscriptionSnapshot(
    string SubscriptionId, string CustomerId, string PropertyId, MaintenancePlan Plan, PlanSubscriptionStatus Status, string? ProviderSubscriptionId,
    bool CancelAtPeriodEnd, IReadOnlyList<PlanPeriod> Periods, int FailedPayments, DateTimeOffset CreatedAt, string CreatedBy,
    PlanPause? Pause = null, int PauseChanges = 0)
{
    /// <summary>When the paid period ends (and the next charge falls), if one was paid.</summary>
    public DateTimeOffset? PaidUntil => Periods.Where(p => p.SeriesId is not null).Select(p => (DateTimeOffset?)p.End).Max();
}
