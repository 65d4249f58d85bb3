using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Fakes;
using OrleansPortal.Grains.Payments.Dunning;
using OrleansPortal.Web.Payments.Plans;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>
/// Pausing a maintenance plan at (the fake) Stripe, from the portal by a payer or from the office: collection paused with
/// behavior void (a period that falls meanwhile is voided, so nobody pays for it and no visits come of it), shown once
/// Stripe's webhook says so, and resumed from either place, whoever paused it.
/// </summary>
public sealed class PlanPauseTests : IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task APlanPausedUntilADate_ShowsIt_BillsNoPeriodMeanwhile_AndTheOfficeResumesIt()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var (s, subscription) = await SubscribedAsync(app);
        var resumesOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);

        using var pause = await s.Owner.PostAsJsonAsync($"/api/v1/portal/plans/{subscription.Id}/pause", new { resumesAt = resumesOn.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Accepted, pause.StatusCode);
        var paused = await PlanScenario.WaitForAsync(s, subscription.Id, x => x.Status == "Paused");

        Assert.True(paused.PausedByRequest);
        var stripePause = (JsonObject)_stripe.Find(PlanScenario.StripeSubscriptionId(_stripe))!["pause_collection"]!;
        Assert.Equal("void", (string?)stripePause["behavior"]);
        Assert.Equal(paused.ResumesAt!.Value.ToUnixTimeSeconds(), (long)stripePause["resumes_at"]!);
        Assert.InRange(paused.ResumesAt.Value, new DateTimeOffset(resumesOn.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(resumesOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)); // that day's start where the company is

        var voided = await _stripe.RenewAsync(PlanScenario.StripeSubscriptionId(_stripe), succeed: true); // a period falls while paused
        Assert.Equal("void", (string?)voided!["status"]);

        using var resume = await s.Dispatcher.PostAsync($"/api/v1/customers/{s.Customer.Id}/plans/{subscription.Id}/resume", null);
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        var resumed = await PlanScenario.WaitForAsync(s, subscription.Id, x => x.Status == "Active");
        Assert.Equal((false, null), (resumed.PausedByRequest, resumed.ResumesAt));
        Assert.Null(_stripe.Find(PlanScenario.StripeSubscriptionId(_stripe))!["pause_collection"]);

        await _stripe.RenewAsync(PlanScenario.StripeSubscriptionId(_stripe), succeed: true);
        var renewed = await PlanScenario.WaitForAsync(s, subscription.Id, x => x.Periods.Count >= 2 && x.Periods[^1].SeriesId is not null);
        Assert.Equal(2, renewed.Periods.Count); // the voided period made neither an invoice nor visits
        Assert.NotEqual(voided["id"]!.ToString(), renewed.Periods[^1].InvoiceId);
    }

    [Fact]
    public async Task APlanDunningPaused_IsToldApartFromOnePausedOnRequest_AndTheCustomerResumesIt()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var (s, subscription) = await SubscribedAsync(app);
        var renewal = new DunningCase(DunningKind.PlanRenewal, subscription.Periods[0].InvoiceId, s.Customer.Id, 2500, "EUR", subscription.Id, "in_x",
            PlanScenario.StripeSubscriptionId(_stripe));

        await app.Services.GetRequiredService<IPaymentRetrier>().PauseCollectionAsync(s.Company.TenantId, renewal, paused: true); // as after the last failed retry
        var byDunning = await PlanScenario.WaitForAsync(s, subscription.Id, x => x.Status == "Paused");
        Assert.False(byDunning.PausedByRequest);

        using var office = await s.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{s.Customer.Id}/plans/{subscription.Id}/pause", new { });
        Assert.Equal(HttpStatusCode.Accepted, office.StatusCode);
        var byRequest = await PlanScenario.WaitForAsync(s, subscription.Id, x => x.PausedByRequest);
        Assert.Equal(("Paused", null), (byRequest.Status, byRequest.ResumesAt));

        using var resume = await s.Owner.PostAsync($"/api/v1/portal/plans/{subscription.Id}/resume", null);
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        await PlanScenario.WaitForAsync(s, subscription.Id, x => x.Status == "Active");

        await app.Services.GetRequiredService<IPaymentRetrier>().PauseCollectionAsync(s.Company.TenantId, renewal, paused: true); // dunning again, later
        var again = await PlanScenario.WaitForAsync(s, subscription.Id, x => x.Status == "Paused");
        Assert.False(again.PausedByRequest);
    }

    [Fact]
    public async Task PausingIsRefused_ForBadDates_OthersPlans_NonPayers_AndPlansNotRunning()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var (s, subscription) = await SubscribedAsync(app);
        var neighbour = await CustomerScenario.CreateAsync(s.Company, "Neighbour household");
        await neighbour.AddPropertyAsync("Next door");
        var neighbourOwner = await neighbour.SignInAsync((await neighbour.AddContactAsync(DocumentScenario.UniqueEmail(), "Owner")).Id);
        var manager = await s.Customer.SignInAsync((await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "PropertyManager", s.Property.Id)).Id);
        var otherCompany = await DocumentScenario.CreateAsync(app, "Other Irrigation");
        var portal = $"/api/v1/portal/plans/{subscription.Id}";
        var office = $"/api/v1/customers/{s.Customer.Id}/plans/{subscription.Id}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        foreach (var day in new[] { today.AddDays(-1).ToString("yyyy-MM-dd"), today.AddMonths(4).ToString("yyyy-MM-dd"), "31/12/2030", "tomorrow" })
        {
            using var bad = await s.Owner.PostAsJsonAsync($"{portal}/pause", new { resumesAt = day });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("\"resumesAt\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var officeBad = await s.Dispatcher.PostAsJsonAsync($"{office}/pause", new { resumesAt = today.AddYears(1).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, officeBad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbourOwner.PostAsJsonAsync($"{portal}/pause", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync($"{portal}/pause", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCompany.Dispatcher.PostAsJsonAsync($"{office}/pause", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{neighbour.Id}/plans/{subscription.Id}/pause", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await s.Owner.PostAsync($"{portal}/resume", null)).StatusCode); // not paused
        Assert.Null(_stripe.Find(PlanScenario.StripeSubscriptionId(_stripe))!["pause_collection"]);

        Assert.Equal(HttpStatusCode.Accepted, (await s.Owner.PostAsync($"/api/v1/portal/plans/{subscription.Id}/cancel", null)).StatusCode);
        await PlanScenario.WaitForAsync(s, subscription.Id, x => x.CancelAtPeriodEnd);
        await _stripe.RenewAsync(PlanScenario.StripeSubscriptionId(_stripe), succeed: true);
        await PlanScenario.WaitForAsync(s, subscription.Id, x => x.Status == "Canceled");
        Assert.Equal(HttpStatusCode.Conflict, (await s.Owner.PostAsJsonAsync($"{portal}/pause", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await s.Dispatcher.PostAsJsonAsync($"{office}/pause", new { })).StatusCode);
    }

    /// <summary>A company whose customer's owner subscribed to a new plan, paid on (the fake) Stripe, its events delivered in memory.</summary>
    private async Task<(DocumentScenario Scenario, PlanSubscriptionDto Subscription)> SubscribedAsync(PortalFactory app)
    {
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        return (s, await PlanScenario.SubscribeToNewPlanAsync(s));
    }
}
