using System.Net.Http.Json;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Payments;
using OrleansPortal.Web.Payments.Plans;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>A maintenance plan defined by the office and bought by the customer's owner on (the fake) Stripe's page.</summary>
public static class PlanScenario
{
    public static async Task<PlanDto> DefineAsync(DocumentScenario s, int visitsPerPeriod)
    {
        using var response = await s.Dispatcher.PostAsJsonAsync("/api/v1/plans", new
        {
            name = "Irrigation care", description = "Start-up in spring, winterising in autumn", price = 2500L, currency = "EUR", interval = "Month", intervalCount = 1,
            visitsPerPeriod, visitMinutes = 60, skills = new[] { "irrigation" },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PlanDto>(ApiJson.Options))!;
    }

    /// <summary>Defines a plan with one visit per period and subscribes the scenario's property to it.</summary>
    public static async Task<PlanSubscriptionDto> SubscribeToNewPlanAsync(DocumentScenario s) => await SubscribeAsync(s, await DefineAsync(s, visitsPerPeriod: 1));

    public static async Task<PlanSubscriptionDto> SubscribeAsync(DocumentScenario s, PlanDto plan)
    {
        using var response = await s.Owner.PostAsJsonAsync("/api/v1/portal/plans/subscribe", new { planId = plan.Id, propertyId = s.Property.Id });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var checkout = (await response.Content.ReadFromJsonAsync<CheckoutDto>(ApiJson.Options))!;
        var awaiting = Assert.Single((await s.Owner.GetFromJsonAsync<PortalPlansDto>("/api/v1/portal/plans", ApiJson.Options))!.Subscriptions);
        Assert.Equal("AwaitingPayment", awaiting.Status);
        await StripeSetup.PayAsync(checkout.Url);
        return await WaitForAsync(s, awaiting.Id, x => x.Status == "Active" && x.Periods.Count == 1);
    }

    public static async Task<PlanSubscriptionDto> WaitForAsync(DocumentScenario s, string id, Func<PlanSubscriptionDto, bool> condition)
    {
        PlanSubscriptionDto current = null!;
        await Eventually.TrueAsync(async () =>
        {
            current = (await s.Dispatcher.GetFromJsonAsync<PlanSubscriptionDto[]>($"/api/v1/customers/{s.Customer.Id}/plans", ApiJson.Options))!.Single(x => x.Id == id);
            return condition(current);
        }, "the plan's subscription reaches the expected state");
        return current;
    }

    public static string StripeSubscriptionId(FakeStripe stripe) => (string)Assert.Single(stripe.Subscriptions)["id"]!;
}
