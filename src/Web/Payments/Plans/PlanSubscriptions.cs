using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Payments.Plans;
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

    /// <summary>The customer's subscriptions, newest first, each read from its grain.</summary>
    public static async Task<PlanSubscriptionDto[]> LoadAsync(IClusterClient grains, IPlanSubscriptionIndex index, string tenantId, string customerId)
    {
        var ids = await index.ForCustomerAsync(tenantId, customerId);
        var subscriptions = await Task.WhenAll(ids.Select(i => grains.GetGrain<IPlanSubscriptionGrain>(TenantKeys.For(tenantId, i)).GetAsync()));
        return [.. subscriptions.Select(PlanSubscriptionDto.Of)];
    }
}
