using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using OrleansPortal.Fakes;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Autopay;
using OrleansPortal.Grains.Payments.Dunning;
using OrleansPortal.Grains.Payments.Ledger;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Notifications.Timeline;
using OrleansPortal.Web.Payments;
using OrleansPortal.Web.Payments.Autopay;
using OrleansPortal.Web.Payments.Dunning;
using OrleansPortal.Testing;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>
/// Saved payment methods (Stripe's setup page, the list as Stripe holds it, the default, detaching) and autopay: a new
/// invoice charged off-session once, paid only by the webhook, a failing card leaving it open with the payers reminded.
/// </summary>
public sealed class AutopayTests : IAsyncLifetime
{
    private const string Methods = "/api/v1/portal/payment-methods";

    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task APayerSavesCardsOnStripesSetupPage_SeesThemListed_ChoosesTheDefault_AndRemovesOne()
    {
        using var app = NewApp();
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var empty = await ListAsync(s.Owner);
        Assert.Equal((true, 0), (empty.Enabled, empty.Methods.Count));

        await SaveCardAsync(s.Owner, FakeStripe.SucceedingCard);
        var first = Assert.Single((await ListAsync(s.Owner)).Methods);
        await SaveCardAsync(s.Owner, FakeStripe.AttachesButFailsCard);

        var two = await ListAsync(s.Owner);
        Assert.Equal([("card", "visa", "0341", 12, 2034, true), ("card", "visa", "4242", 12, 2034, false)],
            two.Methods.Select(m => (m.Type, m.Brand, m.Last4, m.ExpMonth ?? 0, m.ExpYear ?? 0, m.IsDefault))); // newest first, and the default until one is chosen
        Assert.All(_stripe.Sessions, session => Assert.Equal("setup", (string)session["mode"]!));
        Assert.Single(_stripe.Sessions.Select(session => (string)session["customer"]!).Distinct()); // one Stripe customer for the customer

        var chosen = await SendAsync<PaymentMethodsDto>(s.Owner, HttpMethod.Put, $"{Methods}/default", new { paymentMethodId = first.Id });
        Assert.Equal([first.Id], chosen.Methods.Where(m => m.IsDefault).Select(m => m.Id));

        var left = await SendAsync<PaymentMethodsDto>(s.Owner, HttpMethod.Delete, $"{Methods}/{first.Id}");
        Assert.Equal([("0341", true)], left.Methods.Select(m => (m.Last4, m.IsDefault)));
        Assert.Null(_stripe.Find(first.Id)!["customer"]); // detached at Stripe: it can never be charged again
    }

    [Fact]
    public async Task Autopay_ChargesANewInvoiceOnce_EvenWhenTheChargeIsRetriedAndEveryWebhookComesTwice()
    {
        using var app = NewApp();
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        await SaveCardAsync(s.Owner, FakeStripe.SucceedingCard);
        var on = await SendAsync<PaymentMethodsDto>(s.Owner, HttpMethod.Put, $"{Methods}/autopay", new { enabled = true });
        Assert.True(on.Autopay);
        _stripe.SendEveryEventTwice = true;
        _stripe.HoldEvents(); // the charge is made, its events not yet delivered: nothing is paid without them

        var issued = await s.IssueInvoiceAsync(s.Property.Id);
        await Eventually.TrueAsync(() => Task.FromResult(_stripe.PaymentIntents.Count == 1), "autopay charges the new invoice");
        Assert.Equal(("Open", 8000L), await StatusAsync(s, issued.Id));
        var invoice = await app.Services.GetRequiredService<IClusterClient>().GetGrain<IInvoiceGrain>(TenantKeys.For(s.Company.TenantId, issued.Id)).GetAsync();
        await app.Services.GetRequiredService<IInvoiceAutopay>().ChargeIssuedAsync(s.Company.TenantId, invoice); // as a retried issue would

        await _stripe.ReleaseHeldEventsAsync();
        await _stripe.WaitForWebhooksAsync(TimeSpan.FromSeconds(30));

        var intent = Assert.Single(_stripe.PaymentIntents);
        Assert.Equal(("succeeded", 8000L, true), ((string)intent["status"]!, (long)intent["amount"]!, intent["metadata"]!["op_invoices"]!.ToString().StartsWith(issued.Id, StringComparison.Ordinal)));
        Assert.Equal(("Paid", 0L), await StatusAsync(s, issued.Id));
        var paid = (await app.Services.GetRequiredService<IMoneyLedger>().ForInvoiceAsync(s.Company.TenantId, issued.Id)).Where(e => e.Kind == LedgerKind.Paid);
        Assert.Equal(8000L, Assert.Single(paid).Amount);
        var history = (await s.Owner.GetFromJsonAsync<PaymentDto[]>("/api/v1/portal/payments", ApiJson.Options))!;
        Assert.Equal([("Succeeded", 8000L)], history.Select(p => (p.Status, p.Amount)));
    }

    [Fact]
    public async Task ACardThatFailsOffSession_LeavesTheInvoiceOpenWithItsPayButton_RecordsTheFailure_AndRemindsThePayers()
    {
        using var app = NewApp();
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        await SaveCardAsync(s.Owner, FakeStripe.AttachesButFailsCard);
        await SendAsync<PaymentMethodsDto>(s.Owner, HttpMethod.Put, $"{Methods}/autopay", new { enabled = true });

        var issued = await s.IssueInvoiceAsync(s.Property.Id);
        await Eventually.TrueAsync(async () => (await PaymentsAsync(s)).Any(p => p.Status == "Failed"), "the failed charge is recorded");
        await _stripe.WaitForWebhooksAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(("Open", 8000L), await StatusAsync(s, issued.Id));
        var documents = (await s.Owner.GetFromJsonAsync<PortalDocumentsDto>("/api/v1/portal/documents", ApiJson.Options))!;
        Assert.True(documents.CanPay && documents.Invoices.Single(i => i.Id == issued.Id).Due == 8000);
        var failed = Assert.Single(await PaymentsAsync(s));
        Assert.Contains("declined", failed.Failure, StringComparison.OrdinalIgnoreCase);
        await Eventually.TrueAsync(async () => (await TimelineAsync(s)).Count(m => m.Trigger == "PaymentReminder" && m.Channel == "Email") == 1,
            "one reminder tells the payers");
        Assert.Single(_stripe.PaymentIntents); // autopay does not retry by itself: that is dunning's
    }

    [Fact]
    public async Task ADepositTheCustomerApproves_IsPaidOnStripesPage_NotChargedByAutopayToo()
    {
        using var app = NewApp();
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        await SaveCardAsync(s.Owner, FakeStripe.SucceedingCard);
        await SendAsync<PaymentMethodsDto>(s.Owner, HttpMethod.Put, $"{Methods}/autopay", new { enabled = true });
        var estimate = await SendAsync<EstimateDto>(s.Dispatcher, HttpMethod.Post, "/api/v1/estimates", new
        {
            customerId = s.Customer.Id, propertyId = s.Property.Id, title = "New controller", currency = "EUR", validUntil = DateTimeOffset.UtcNow.AddDays(30),
            lines = new[] { new { description = "Controller", quantity = 1m, unitAmount = 24990L } },
            deposit = new { rate = 3000 },
        });

        var approved = await SendAsync<EstimateDto>(s.Owner, HttpMethod.Post, $"/api/v1/portal/estimates/{estimate.Id}/approve", new { signedName = "Ana Owner" });
        await StripeSetup.PayAsync((await StripeSetup.CheckoutAsync(s.Owner, approved.Deposit!.InvoiceId!)).Url);
        await _stripe.WaitForWebhooksAsync(TimeSpan.FromSeconds(30));
        var later = await s.IssueInvoiceAsync(s.Property.Id); // an ordinary invoice is still charged
        await Eventually.TrueAsync(async () => (await StatusAsync(s, later.Id)).Status == "Paid", "autopay pays the ordinary invoice");

        Assert.Equal(("Paid", 0L), await StatusAsync(s, approved.Deposit.InvoiceId!));
        Assert.Equal(2, _stripe.PaymentIntents.Count); // the deposit's checkout and the later invoice's charge: none for the deposit by autopay
        Assert.Equal([7_497L, 8_000L], (await PaymentsAsync(s)).Select(p => p.Amount).Order());
    }

    [Fact]
    public async Task AFailedAutopay_OpensADunningCase_ThatRetriesTheSavedCard_ButNeverAnInvoicePaidMeanwhile()
    {
        var time = new ManualTimeProvider();
        using var app = new PortalFactory { Clock = time };
        StripeSetup.Configure(app, _stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        await SaveCardAsync(s.Owner, FakeStripe.AttachesButFailsCard);
        await SendAsync<PaymentMethodsDto>(s.Owner, HttpMethod.Put, $"{Methods}/autopay", new { enabled = true });
        var (first, second) = (await s.IssueInvoiceAsync(s.Property.Id, "March"), await s.IssueInvoiceAsync(s.Property.Id, "April"));
        await Eventually.TrueAsync(async () => (await CasesAsync(s)).Length == 2, "each failed charge opens a case");
        Assert.All(await CasesAsync(s), c => Assert.Equal(("Autopay", "Retrying", 1), (c.Kind, c.Status, c.Attempts)));

        // April is paid in the portal before its retry; March is not.
        await StripeSetup.PayAsync((await StripeSetup.CheckoutAsync(s.Owner, second.Id)).Url);
        await _stripe.WaitForWebhooksAsync(TimeSpan.FromSeconds(30));
        var intentsBefore = _stripe.PaymentIntents.Count;
        time.Advance(TimeSpan.FromDays(3)); // the company's first retry day (3, 5, 7 by default)
        foreach (var invoice in new[] { first, second })
            await app.Services.GetRequiredService<IClusterClient>().GetGrain<IDunningGrain>(TenantKeys.For(s.Company.TenantId, invoice.Id))
                .ReceiveReminder(DunningGrain.ReminderName, default);

        var cases = await CasesAsync(s);
        Assert.Equal(("Retrying", 2), cases.Where(c => c.InvoiceId == first.Id).Select(c => (c.Status, c.Attempts)).Single()); // retried the card, declined again
        Assert.Equal(("Resolved", 1), cases.Where(c => c.InvoiceId == second.Id).Select(c => (c.Status, c.Attempts)).Single()); // ended, not charged
        Assert.Equal(intentsBefore + 1, _stripe.PaymentIntents.Count); // the one retry, of March
        Assert.Equal(("Open", 8000L), await StatusAsync(s, first.Id));
        Assert.Equal(("Paid", 0L), await StatusAsync(s, second.Id));
    }

    [Fact]
    public async Task OnlyTheCustomersPayers_ManageItsMethods_AndNobodyElsesMethodIsFound()
    {
        using var app = NewApp();
        var s = await DocumentScenario.CreateAsync(app);
        var other = await DocumentScenario.CreateAsync(app, "Other Company", "Jones household");
        StripeSetup.DeliverInMemory(app, _stripe);
        var manager = await s.Customer.SignInAsync((await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "PropertyManager", s.Property.Id)).Id);
        using var tooSoon = await s.Owner.PutAsJsonAsync($"{Methods}/autopay", new { enabled = true });
        await SaveCardAsync(s.Owner, FakeStripe.SucceedingCard);
        var card = Assert.Single((await ListAsync(s.Owner)).Methods);

        using var managerReads = await manager.GetAsync(Methods);
        using var managerAdds = await manager.PostAsJsonAsync($"{Methods}/setup", new { });
        using var managerTurnsOn = await manager.PutAsJsonAsync($"{Methods}/autopay", new { enabled = true });
        using var strangerRemoves = await other.Owner.DeleteAsync($"{Methods}/{card.Id}");
        using var strangerChooses = await other.Owner.PutAsJsonAsync($"{Methods}/default", new { paymentMethodId = card.Id });
        using var notAnId = await s.Owner.PutAsJsonAsync($"{Methods}/default", new { paymentMethodId = "4242424242424242" });
        using var noSwitch = await s.Owner.PutAsJsonAsync($"{Methods}/autopay", new { });

        Assert.Equal(HttpStatusCode.Conflict, tooSoon.StatusCode); // autopay needs a saved method
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { managerReads.StatusCode, managerAdds.StatusCode, managerTurnsOn.StatusCode });
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { strangerRemoves.StatusCode, strangerChooses.StatusCode });
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { notAnId.StatusCode, noSwitch.StatusCode });
        Assert.DoesNotContain(card.Id, await managerReads.Content.ReadAsStringAsync());
        Assert.Empty((await ListAsync(other.Owner)).Methods);
        var still = await ListAsync(s.Owner);
        Assert.Equal([card.Id], still.Methods.Select(m => m.Id));
        Assert.False(still.Autopay);
    }

    private PortalFactory NewApp()
    {
        var app = new PortalFactory();
        StripeSetup.Configure(app, _stripe);
        return app;
    }

    /// <summary>Opens Stripe's setup page from the portal and saves <paramref name="card"/> on it.</summary>
    private static async Task SaveCardAsync(HttpClient payer, string card)
    {
        var setup = await SendAsync<CheckoutDto>(payer, HttpMethod.Post, $"{Methods}/setup", new { });
        await StripeSetup.PayAsync(setup.Url, card);
    }

    private static async Task<PaymentMethodsDto> ListAsync(HttpClient payer) => (await payer.GetFromJsonAsync<PaymentMethodsDto>(Methods, ApiJson.Options))!;

    private static async Task<T> SendAsync<T>(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options))!;
    }

    private static async Task<DunningCaseDto[]> CasesAsync(DocumentScenario s) =>
        (await s.Dispatcher.GetFromJsonAsync<DunningCaseDto[]>($"/api/v1/customers/{s.Customer.Id}/dunning", ApiJson.Options))!;

    private static async Task<PaymentDto[]> PaymentsAsync(DocumentScenario s) => (await s.Owner.GetFromJsonAsync<PaymentDto[]>("/api/v1/portal/payments", ApiJson.Options))!;

    private static async Task<CommunicationDto[]> TimelineAsync(DocumentScenario s) =>
        (await s.Dispatcher.GetFromJsonAsync<CommunicationDto[]>($"/api/v1/customers/{s.Customer.Id}/communications", ApiJson.Options))!;

    private static async Task<(string Status, long Due)> StatusAsync(DocumentScenario s, string invoiceId)
    {
        var invoice = (await s.Dispatcher.GetFromJsonAsync<InvoiceDto>($"/api/v1/invoices/{invoiceId}", ApiJson.Options))!;
        return (invoice.Status, invoice.Due);
    }
}
