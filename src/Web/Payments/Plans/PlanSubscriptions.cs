using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Dispatch.Recurring;
using OrleansPortal.Grains.Payments.Plans;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Payments.Plans;

/// <summary>What the office's and the portal's plan endpoints share: checking an enrolment, making it, listing a customer's.</summary>
public static class PlanSubscriptions
{
    /// <summary>The plan to enrol <paramref name="customer"/>'s property in, or null with field errors.</summary>
    public static async Task<(MaintenancePlan? Plan, Dictionary<string, string[]> Errors)> CheckAsync(
        IClusterClient grains, string tenantId, CustomerSnapshot customer, string? planId, string? propertyId)
    {
        var validation = new RequestValidation()
            .Require(propertyId is not null && customer.PropertyIds.Contains(propertyId), "propertyId", "One of the customer's properties is required.");
        MaintenancePlan? plan = null;
        if (planId is null || !ResourceId.IsValid(planId)) validation.Add("planId", "A plan id (32 hex characters) is required.");
        else
        {
            plan = (await grains.GetGrain<IMaintenancePlansGrain>(tenantId).GetAllAsync()).FirstOrDefault(p => p.PlanId == planId);
            validation.Require(plan is { Active: true }, "planId", "There is no such plan on offer.");
        }

        return validation.IsValid ? (plan, validation.Errors) : (null, validation.Errors);
    }

    public static Task<PlanSubscriptionSnapshot> EnrolAsync(IClusterClient grains, string tenantId, string customerId, string propertyId, MaintenancePlan plan, string actor) =>
        grains.GetGrain<IPlanSubscriptionGrain>(TenantKeys.For(tenantId, TenantKeys.NewId())).CreateAsync(new NewPlanSubscription(customerId, propertyId, plan, actor));

    /// <summary>The customer's subscriptions, newest first, each read from its grain with its next visit.</summary>
    public static async Task<PlanSubscriptionDto[]> LoadAsync(IClusterClient grains, IPlanSubscriptionIndex index, string tenantId, string customerId, DateTimeOffset now)
    {
        var ids = await index.ForCustomerAsync(tenantId, customerId);
        return await Task.WhenAll(ids.Select(async id =>
        {
            var subscription = await grains.GetGrain<IPlanSubscriptionGrain>(TenantKeys.For(tenantId, id)).GetAsync();
            return PlanSubscriptionDto.Of(subscription, await NextVisitAsync(grains, tenantId, subscription, now));
        }));
    }

    // The earliest visit still ahead in the series of the paid periods (the latest series first holds it, usually).
    private static async Task<TimeWindow?> NextVisitAsync(IClusterClient grains, string tenantId, PlanSubscriptionSnapshot subscription, DateTimeOffset now)
    {
        if (subscription.Status == PlanSubscriptionStatus.Canceled) return null;
        var windows = new List<TimeWindow>();
        foreach (var seriesId in subscription.Periods.Select(p => p.SeriesId).OfType<string>().TakeLast(2))
        {
            var series = await grains.GetGrain<IRecurringJobGrain>(TenantKeys.For(tenantId, seriesId)).GetAsync();
            windows.AddRange(series.Generated.Select(g => g.ArrivalWindow).Concat(series.Upcoming.Select(u => u.Window)).Where(w => w.End > now));
        }

        return windows.Count == 0 ? null : windows.MinBy(w => w.Start);
    }
}
