namespace OrleansPortal.Grains.Payments.Plans;

/// <summary>
/// Subscriptions as their grains last wrote them (table <c>plan_subscriptions</c>): a customer's plans without
/// activating a grain each, and what reports sum (MRR, renewals ahead).
/// </summary>
public interface IPlanSubscriptionIndex
{
    Task UpsertAsync(string tenantId, PlanSubscriptionSnapshot subscription, CancellationToken cancellationToken = default);

    /// <summary>The customer's subscription ids, newest first.</summary>
    Task<IReadOnlyList<string>> ForCustomerAsync(string tenantId, string customerId, CancellationToken cancellationToken = default);
}
