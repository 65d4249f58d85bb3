using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using OrleansPortal.Fakes;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Payments.Dunning;
using OrleansPortal.Testing;
using OrleansPortal.Web.Payments;
using OrleansPortal.Web.Payments.Dunning;
using OrleansPortal.Web.Payments.Plans;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>
/// A failed plan renewal collected on the company's schedule: each retry pays Stripe's invoice again (the fake's
/// /v1/invoices/{id}/pay), each failure reminds the payers with its attempt number and the next date, a paid retry ends
/// the case, and the last failure pauses the plan and alerts the office. Business time is the app's DomainClock, moved
/// by the test; the case's Orleans reminder is ticked by hand, as the reminder service would.
/// </summary>
public sealed class DunningTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task AFailedRenewal_IsRetriedOnTheCompanysDays_ThenGivenUp_PausingThePlan_AndAlertingTheOffice()
    {
        using var app = NewApp();
        var (s, plan, dunning) = await FailedRenewalAsync(app, retryDays: [2, 4]);

        var opened = await WaitForCaseAsync(s, dunning, c => c.Attempts == 1);
        Assert.Equal(("Retrying", "PlanRenewal", 2500L), (opened.Status, opened.Kind, opened.Amount));
        Assert.Equal(_time.GetUtcNow().AddDays(2), opened.NextRetryAt);
        await WaitForReminderAsync(app, s, dunning, attempt: 1, "7 January 2026");

        _time.Advance(TimeSpan.FromDays(1));
        await TickAsync(app, s, dunning);
        Assert.Empty(_stripe.InvoicePayments); // not due yet

        _time.Advance(TimeSpan.FromDays(1));
        await TickAsync(app, s, dunning);
        Assert.Equal([false], _stripe.InvoicePayments.Select(p => p.Succeeded));
        var retried = await WaitForCaseAsync(s, dunning, c => c.Attempts == 2);
        Assert.Equal(("Retrying", opened.OpenedAt.AddDays(4)), (retried.Status, retried.NextRetryAt));
        await WaitForReminderAsync(app, s, dunning, attempt: 2, "9 January 2026");

        _time.Advance(TimeSpan.FromDays(2));
        await TickAsync(app, s, dunning);
        var gaveUp = await WaitForCaseAsync(s, dunning, c => c.Status == "GaveUp");
        Assert.Equal((3, null), (gaveUp.Attempts, gaveUp.NextRetryAt));
        var final = await WaitForReminderAsync(app, s, dunning, attempt: 3, nextRetry: null);
        Assert.Contains("paused your maintenance plan", final.Text, StringComparison.Ordinal);

        var subscription = (System.Text.Json.Nodes.JsonObject)Assert.Single(_stripe.Subscriptions);
        Assert.Equal("void", (string?)subscription["pause_collection"]?["behavior"]);
        await WaitForPlanAsync(s, plan, p => p.Status == "Paused");
        var alert = Assert.Single(await AlertsAsync(s), a => a.Kind == AlertKind.PaymentFailed);
        Assert.Equal((s.Customer.Id, dunning), (alert.CustomerId, alert.InvoiceId));
        Assert.Contains("failed 3 times", alert.Message, StringComparison.Ordinal);
        Assert.Null(await StoredReminderAsync(app, s, dunning));

        using var dismissed = await s.Dispatcher.DeleteAsync($"/api/v1/dispatch/alerts/{alert.Id}");
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        Assert.DoesNotContain(await AlertsAsync(s), a => a.Kind == AlertKind.PaymentFailed);
    }

    [Fact]
    public async Task ARetryThatIsPaid_EndsTheCase_AndThePlanIsActiveAgain()
    {
        using var app = NewApp();
        var (s, plan, dunning) = await FailedRenewalAsync(app, retryDays: [3, 5, 7]);
        await WaitForCaseAsync(s, dunning, c => c.Attempts == 1);
        Assert.NotNull(await StoredReminderAsync(app, s, dunning));

        _stripe.DeclineInvoicePayments = false; // the customer's card works again
        _time.Advance(TimeSpan.FromDays(3));
        await TickAsync(app, s, dunning);

        Assert.Equal([true], _stripe.InvoicePayments.Select(p => p.Succeeded));
        var resolved = await WaitForCaseAsync(s, dunning, c => c.Status == "Resolved");
        Assert.Equal(2, resolved.Attempts);
        var active = await WaitForPlanAsync(s, plan, p => p.Status == "Active" && p.Periods[^1].SeriesId is not null);
        Assert.Equal(dunning, active.Periods[^1].InvoiceId);
        Assert.Null(await StoredReminderAsync(app, s, dunning));
        Assert.DoesNotContain(await AlertsAsync(s), a => a.Kind == AlertKind.PaymentFailed);

        _time.Advance(TimeSpan.FromDays(5));
        await TickAsync(app, s, dunning); // a late tick of a case that ended
        Assert.Single(_stripe.InvoicePayments);
    }

    [Fact]
    public async Task TheOffice_PausesAndResumesACase_AndBadSchedulesAreRefused()
    {
        using var app = NewApp();
        var (s, _, dunning) = await FailedRenewalAsync(app, retryDays: [3]);
        await WaitForCaseAsync(s, dunning, c => c.Attempts == 1);

        using var paused = await s.Dispatcher.PostAsync($"/api/v1/dunning/{dunning}/pause", null);
        Assert.Equal("Paused", (await paused.Content.ReadFromJsonAsync<DunningCaseDto>(ApiJson.Options))!.Status);
        using var again = await s.Dispatcher.PostAsync($"/api/v1/dunning/{dunning}/pause", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        _time.Advance(TimeSpan.FromDays(4));
        await TickAsync(app, s, dunning);
        Assert.Empty(_stripe.InvoicePayments);

        using var resumed = await s.Dispatcher.PostAsync($"/api/v1/dunning/{dunning}/resume", null);
        var retrying = (await resumed.Content.ReadFromJsonAsync<DunningCaseDto>(ApiJson.Options))!;
        Assert.Equal(("Retrying", _time.GetUtcNow()), (retrying.Status, retrying.NextRetryAt)); // its day passed while paused: at once
        await TickAsync(app, s, dunning);
        Assert.Single(_stripe.InvoicePayments);
        await WaitForCaseAsync(s, dunning, c => c.Status == "GaveUp");

        using var unknown = await s.Dispatcher.PostAsync($"/api/v1/dunning/{Guid.NewGuid():N}/pause", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        foreach (var bad in new[] { Array.Empty<int>(), [5, 3], [0, 2], [1, 2, 3, 4, 5, 6], [31] })
        {
            using var refused = await s.Dispatcher.PutAsJsonAsync("/api/v1/company/payment-retries", new { days = bad });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("\"days\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private PortalFactory NewApp()
    {
        var app = new PortalFactory { Clock = _time };
        StripeSetup.Configure(app, _stripe);
        return app;
    }

    /// <summary>A subscribed plan whose first renewal is declined, with the company's retry days set; the case's id (our invoice) comes back.</summary>
    private async Task<(DocumentScenario Scenario, string PlanId, string CaseId)> FailedRenewalAsync(PortalFactory app, int[] retryDays)
    {
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var (plan, dunning) = await DunningScenario.FailRenewalAsync(s, _stripe, retryDays);
        return (s, plan, dunning);
    }

    private static Task TickAsync(PortalFactory app, DocumentScenario s, string caseId) =>
        Case(app, s, caseId).ReceiveReminder(DunningGrain.ReminderName, default);

    private static IDunningGrain Case(PortalFactory app, DocumentScenario s, string caseId) =>
        app.Services.GetRequiredService<IClusterClient>().GetGrain<IDunningGrain>(TenantKeys.For(s.Company.TenantId, caseId));

    private static Task<ReminderEntry?> StoredReminderAsync(PortalFactory app, DocumentScenario s, string caseId) =>
        app.Services.GetRequiredService<IReminderTable>().ReadRow(Case(app, s, caseId).GetGrainId(), DunningGrain.ReminderName)!;

    private static async Task<IReadOnlyList<DispatchAlert>> AlertsAsync(DocumentScenario s) =>
        (await s.Dispatcher.GetFromJsonAsync<DispatchAlert[]>("/api/v1/dispatch/alerts", ApiJson.Options))!;

    private static Task<DunningCaseDto> WaitForCaseAsync(DocumentScenario s, string caseId, Func<DunningCaseDto, bool> condition) =>
        DunningScenario.WaitForCaseAsync(s.Dispatcher, $"/api/v1/customers/{s.Customer.Id}/dunning", caseId, condition);

    private static Task<PlanSubscriptionDto> WaitForPlanAsync(DocumentScenario s, string id, Func<PlanSubscriptionDto, bool> condition) =>
        PlanScenario.WaitForAsync(s, id, condition);

    /// <summary>The payers' email reminder of attempt <paramref name="attempt"/>, in the outbox, naming the next retry's day (or none).</summary>
    private static async Task<OutgoingMessage> WaitForReminderAsync(PortalFactory app, DocumentScenario s, string caseId, int attempt, string? nextRetry)
    {
        var outbox = app.Services.GetRequiredService<INotificationOutbox>();
        OutgoingMessage? found = null;
        await Eventually.TrueAsync(async () =>
        {
            var messages = await outbox.ForCustomerAsync(s.Company.TenantId, s.Customer.Id, 100);
            found = messages.Select(m => m.Message).SingleOrDefault(m => m.Channel == Grains.Notifications.NotificationChannel.Email
                && m.DeliveryKey.Contains($"{caseId}:attempt-{attempt}", StringComparison.Ordinal));
            return found is not null;
        }, $"the reminder of attempt {attempt} is in the outbox");
        Assert.Contains($"attempt {attempt}", found!.Text, StringComparison.Ordinal);
        if (nextRetry is null) Assert.DoesNotContain("try again on", found.Text, StringComparison.Ordinal);
        else Assert.Contains($"try again on {nextRetry}", found.Text, StringComparison.Ordinal);
        return found;
    }
}
