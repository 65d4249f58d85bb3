using System.Net.Http.Json;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Payments.Dunning;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>A plan's renewal declined at (the fake) Stripe, which opens a dunning case; and the office's view of the cases.</summary>
public static class DunningScenario
{
    /// <summary>
    /// Subscribes the scenario's property to a new plan, then has Stripe decline its renewal and every retry. With
    /// <paramref name="retryDays"/> the company's schedule is set first. Returns the plan and the case's id (our invoice).
    /// </summary>
    public static async Task<(string PlanId, string CaseId)> FailRenewalAsync(DocumentScenario s, FakeStripe stripe, int[]? retryDays = null)
    {
        if (retryDays is not null)
        {
            using var set = await s.Dispatcher.PutAsJsonAsync("/api/v1/company/payment-retries", new { days = retryDays });
            Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());
        }

        var plan = await PlanScenario.SubscribeToNewPlanAsync(s);
        stripe.DeclineInvoicePayments = true;
        await stripe.RenewAsync(PlanScenario.StripeSubscriptionId(stripe), succeed: false);
        var pastDue = await PlanScenario.WaitForAsync(s, plan.Id, p => p.Status == "PastDue");
        return (plan.Id, pastDue.Periods[^1].InvoiceId);
    }

    /// <summary>The case as the office's list at <paramref name="path"/> shows it, once <paramref name="condition"/> holds.</summary>
    public static async Task<DunningCaseDto> WaitForCaseAsync(HttpClient dispatcher, string path, string caseId, Func<DunningCaseDto, bool> condition)
    {
        DunningCaseDto current = null!;
        await Eventually.TrueAsync(async () =>
        {
            current = (await dispatcher.GetFromJsonAsync<DunningCaseDto[]>(path, ApiJson.Options))!.SingleOrDefault(c => c.Id == caseId)!;
            return current is not null && condition(current);
        }, "the failed payment's case reaches the expected state");
        return current;
    }
}
