using Orleans;

namespace OrleansPortal.Grains.Payments.Plans;

/// <summary>
/// A customer's subscription to a maintenance plan for one property, keyed "{tenantId}:{subscriptionId}". The payment
/// provider bills it (Stripe Billing); this grain turns each paid period into our invoice (issued and paid in the
/// ledger) and the period's visits (a recurring series of tickets on the dispatch board), and follows the provider's
/// state (past due, paused, cancelled at period end, ended). Every step is keyed by the provider's ids, so a report
/// delivered twice changes nothing.
/// </summary>
[Alias("op.IPlanSubscriptionGrain")]
public interface IPlanSubscriptionGrain : IGrainWithStringKey
{
    /// <summary>Enrols the customer, awaiting the first payment. Throws <see cref="ConflictException"/> if it exists.</summary>
    Task<PlanSubscriptionSnapshot> CreateAsync(NewPlanSubscription subscription);

    /// <summary>Throws <see cref="NotFoundException"/> for a subscription never created.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<PlanSubscriptionSnapshot> GetAsync();

    /// <summary>The provider's subscription that bills this one (known once the customer completed the checkout).</summary>
    Task<PlanSubscriptionSnapshot> LinkAsync(string providerSubscriptionId);

    /// <summary>A period was paid: our invoice for it is issued and paid, and its visits are scheduled. Active again.</summary>
    Task<PlanSubscriptionSnapshot> PeriodPaidAsync(PeriodBill bill);

    /// <summary>A period's charge failed (<paramref name="attempt"/> counts the provider's tries): past due, the payers reminded.</summary>
    Task<PlanSubscriptionSnapshot> PaymentFailedAsync(PeriodBill bill, int attempt);

    /// <summary>
    /// The provider's view of the subscription now: ended, paused (<paramref name="pause"/>, by whom and until when; null
    /// when collecting), or set to end at the period's end.
    /// </summary>
    Task<PlanSubscriptionSnapshot> SyncAsync(bool ended, PlanPause? pause, bool cancelAtPeriodEnd);
}
