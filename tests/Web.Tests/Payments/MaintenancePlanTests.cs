using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Notifications.Timeline;
using OrleansPortal.Web.Payments;
using OrleansPortal.Web.Payments.Plans;
using OrleansPortal.Web.RecurringJobs;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>
/// Maintenance plans billed by (the fake) Stripe: the office defines a plan, the customer subscribes on Stripe's page,
/// each paid period becomes our invoice (paid, in the ledger) and the period's visits as a recurring series; a renewal
/// does it again, a failed one makes the plan past due and reminds, and a plan set to end ends with its period.
/// </summary>
public sealed class MaintenancePlanTests : IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task ASubscribedPlan_PutsEachPaidPeriodsVisitsOnTheBoard_AndItsInvoiceInTheLedger_RenewalsIncluded()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var plan = await DefineAsync(s, visitsPerPeriod: 2);

        var subscription = await SubscribeAsync(s, plan);

        Assert.Equal(("Active", false), (subscription.Status, subscription.CancelAtPeriodEnd));
        var first = Assert.Single(subscription.Periods);
        var invoice = (await s.Dispatcher.GetFromJsonAsync<InvoiceDto>($"/api/v1/invoices/{first.InvoiceId}", ApiJson.Options))!;
        Assert.Equal(("Paid", 2500L, 0L, s.Property.Id), (invoice.Status, invoice.Total, invoice.Due, invoice.PropertyId));
        var visits = (await s.Dispatcher.GetFromJsonAsync<RecurringJobDto>($"/api/v1/recurring-jobs/{first.SeriesId}", ApiJson.Options))!;
        Assert.Equal((2, s.Property.Id, "Irrigation care: maintenance visit"), (visits.Recurrence.Count, visits.Ticket.PropertyId, visits.Ticket.Description));
        var visit = visits.GeneratedTickets[0]; // the first visit comes within days: its ticket is on the board already
        Assert.InRange(visit.ArrivalWindow.Start, first.Start, first.End);
        var ticket = (await s.Dispatcher.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/tickets/{visit.TicketId}", ApiJson.Options));
        Assert.Equal("Scheduled", ticket.GetProperty("status").GetString());

        await _stripe.RenewAsync(StripeSubscriptionId(), succeed: true);
        var renewed = await WaitForAsync(s, subscription.Id, x => x.Periods.Count == 2 && x.Periods[1].SeriesId is not null);

        Assert.Equal("Active", renewed.Status);
        Assert.True(renewed.Periods[1].Start >= first.End.AddSeconds(-1));
        Assert.NotEqual(first.InvoiceId, renewed.Periods[1].InvoiceId);
        Assert.NotEqual(first.SeriesId, renewed.Periods[1].SeriesId);
        Assert.Equal(renewed.Periods[1].End, renewed.PaidUntil);
    }

    [Fact]
    public async Task AFailedRenewal_MakesThePlanPastDue_AndRemindsThePayers_ThenAPaidRetryMakesItActive()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var subscription = await SubscribeAsync(s, await DefineAsync(s, visitsPerPeriod: 1));

        await _stripe.RenewAsync(StripeSubscriptionId(), succeed: false);
        var pastDue = await WaitForAsync(s, subscription.Id, x => x.Status == "PastDue");

        Assert.Equal(1, pastDue.FailedPayments);
        var unpaid = pastDue.Periods[^1];
        Assert.Null(unpaid.SeriesId); // no visits for a period nobody paid
        var invoice = (await s.Dispatcher.GetFromJsonAsync<InvoiceDto>($"/api/v1/invoices/{unpaid.InvoiceId}", ApiJson.Options))!;
        Assert.Equal(("Open", 2500L), (invoice.Status, invoice.Due));
        var timeline = (await s.Dispatcher.GetFromJsonAsync<CommunicationDto[]>($"/api/v1/customers/{s.Customer.Id}/communications", ApiJson.Options))!;
        Assert.Contains(timeline, m => m.Trigger == "PaymentReminder" && m.Channel == "Email");

        await _stripe.RenewAsync(StripeSubscriptionId(), succeed: true); // Stripe's retry of that invoice
        var active = await WaitForAsync(s, subscription.Id, x => x.Status == "Active");
        Assert.Equal((0, unpaid.InvoiceId), (active.FailedPayments, active.Periods[^1].InvoiceId));
        Assert.NotNull(active.Periods[^1].SeriesId);
    }

    [Fact]
    public async Task APlanSetToEnd_EndsWithItsPeriod_AndCanBeKeptBefore()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var subscription = await SubscribeAsync(s, await DefineAsync(s, visitsPerPeriod: 1));

        Assert.Equal(HttpStatusCode.Accepted, (await s.Owner.PostAsync($"/api/v1/portal/plans/{subscription.Id}/cancel", null)).StatusCode);
        await WaitForAsync(s, subscription.Id, x => x.CancelAtPeriodEnd);
        Assert.Equal(HttpStatusCode.Accepted, (await s.Owner.PostAsync($"/api/v1/portal/plans/{subscription.Id}/keep", null)).StatusCode);
        await WaitForAsync(s, subscription.Id, x => !x.CancelAtPeriodEnd);
        Assert.Equal(HttpStatusCode.Accepted, (await s.Owner.PostAsync($"/api/v1/portal/plans/{subscription.Id}/cancel", null)).StatusCode);
        await WaitForAsync(s, subscription.Id, x => x.CancelAtPeriodEnd);

        Assert.Null(await _stripe.RenewAsync(StripeSubscriptionId(), succeed: true)); // the period ends: no new charge
        var ended = await WaitForAsync(s, subscription.Id, x => x.Status == "Canceled");
        Assert.Single(ended.Periods);
    }

    [Fact]
    public async Task PlansAreChecked_AndOnlyThoseWhoPayMaySubscribe()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        var plan = await DefineAsync(s, visitsPerPeriod: 1);
        var manager = await s.Customer.SignInAsync((await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "PropertyManager", s.Property.Id)).Id);

        using var bad = await s.Dispatcher.PostAsJsonAsync("/api/v1/plans", new { name = "", price = 0, currency = "EURO", interval = "Fortnight", intervalCount = 0, visitsPerPeriod = 0, visitMinutes = 5 });
        using var managerSubscribes = await manager.PostAsJsonAsync("/api/v1/portal/plans/subscribe", new { planId = plan.Id, propertyId = s.Property.Id });
        using var elsewhere = await s.Owner.PostAsJsonAsync("/api/v1/portal/plans/subscribe", new { planId = plan.Id, propertyId = Guid.NewGuid().ToString("N") });
        var overview = (await s.Owner.GetFromJsonAsync<PortalPlansDto>("/api/v1/portal/plans", ApiJson.Options))!;

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.All(new[] { "name", "price", "currency", "interval", "intervalCount", "visitsPerPeriod", "visitMinutes" }, f => Assert.Contains($"\"{f}\"", problem, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, managerSubscribes.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal([plan.Id], overview.Offered.Select(p => p.Id));
        Assert.True(overview.CanManage);
        Assert.Empty(_stripe.Sessions);
    }

    private static Task<PlanDto> DefineAsync(DocumentScenario s, int visitsPerPeriod) => PlanScenario.DefineAsync(s, visitsPerPeriod);

    private static Task<PlanSubscriptionDto> SubscribeAsync(DocumentScenario s, PlanDto plan) => PlanScenario.SubscribeAsync(s, plan);

    private static Task<PlanSubscriptionDto> WaitForAsync(DocumentScenario s, string id, Func<PlanSubscriptionDto, bool> condition) => PlanScenario.WaitForAsync(s, id, condition);

    private string StripeSubscriptionId() => PlanScenario.StripeSubscriptionId(_stripe);
}
