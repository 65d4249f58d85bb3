using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Fakes;
using OrleansPortal.Grains.Payments.Events;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Notifications.Timeline;
using OrleansPortal.Web.Payments;
using OrleansPortal.Web.Payments.Stripe;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>
/// Invoices paid from the portal through the fake Stripe: a checkout opened by the people who pay, money recorded only
/// when Stripe's signed webhook says so, each event once whatever Stripe repeats or reorders, a receipt queued.
/// </summary>
public sealed class PortalPaymentsTests : IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task AnOwnerPaysAnInvoice_AndItIsPaidOnlyWhenStripesWebhookSaysSo_WithAReceiptQueued()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var invoice = await s.IssueInvoiceAsync(s.Property.Id);
        var listed = (await s.Owner.GetFromJsonAsync<PortalDocumentsDto>("/api/v1/portal/documents", ApiJson.Options))!;
        Assert.True(listed.CanPay);

        _stripe.HoldEvents(); // the browser comes back before Stripe's events: nothing is paid on the redirect alone
        var checkout = await StripeSetup.CheckoutAsync(s.Owner, invoice.Id);
        await StripeSetup.PayAsync(checkout.Url);
        Assert.Equal(("Open", 8000L), await StatusAsync(s, invoice.Id));
        var session = Assert.Single(_stripe.Sessions);
        Assert.Equal(("payment", 8000L, "eur"), ((string)session["mode"]!, (long)session["amount_total"]!, (string)session["currency"]!));

        await _stripe.ReleaseHeldEventsAsync();
        await Eventually.TrueAsync(async () => (await StatusAsync(s, invoice.Id)).Status == "Paid", "the webhook pays the invoice");

        Assert.Equal(("Paid", 0L), await StatusAsync(s, invoice.Id));
        var timeline = (await s.Dispatcher.GetFromJsonAsync<CommunicationDto[]>($"/api/v1/customers/{s.Customer.Id}/communications", ApiJson.Options))!;
        Assert.Contains(timeline, m => m.Trigger == "PaymentReceipt" && m.Channel == "Email");
        var history = (await s.Owner.GetFromJsonAsync<PaymentDto[]>("/api/v1/portal/payments", ApiJson.Options))!;
        Assert.Equal([("Succeeded", 8000L, invoice.Id)], history.Select(p => (p.Status, p.Amount, p.InvoiceIds.Single())));
        Assert.All(_stripe.WebhookReplies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }

    [Fact]
    public async Task EventsSentTwiceAndInReverse_RecordEachPaymentOnce_ForEveryInvoicePaidTogether()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var (first, second) = (await s.IssueInvoiceAsync(s.Property.Id, "March"), await s.IssueInvoiceAsync(s.Property.Id, "April"));
        _stripe.SendEveryEventTwice = true;
        _stripe.HoldEvents();

        await StripeSetup.PayAsync((await StripeSetup.CheckoutAsync(s.Owner, first.Id, second.Id)).Url);
        await _stripe.ReleaseHeldEventsAsync(reverse: true);
        await _stripe.WaitForWebhooksAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(("Paid", 0L), await StatusAsync(s, first.Id));
        Assert.Equal(("Paid", 0L), await StatusAsync(s, second.Id));
        var ledger = app.Services.GetRequiredService<Grains.Payments.Ledger.IMoneyLedger>();
        var paid = (await ledger.ForInvoiceAsync(s.Company.TenantId, first.Id)).Where(e => e.Kind is Grains.Payments.Ledger.LedgerKind.Paid).ToList();
        Assert.Equal(8000L, Assert.Single(paid).Amount);
        Assert.Contains(_stripe.WebhookReplies, r => r.Body.Contains("\"alreadyProcessed\":true", StringComparison.Ordinal));
        var history = (await s.Owner.GetFromJsonAsync<PaymentDto[]>("/api/v1/portal/payments", ApiJson.Options))!;
        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), Assert.Single(history).InvoiceIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AWronglySignedEvent_Is400_AndChangesNothing()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var invoice = await s.IssueInvoiceAsync(s.Property.Id);

        var forged = await _stripe.SendWronglySignedEventAsync("payment_intent.succeeded", new JsonObject { ["id"] = "pi_forged", ["object"] = "payment_intent" });
        using var unsigned = await app.CreateClient().PostAsync(StripeWebhookApi.Path, new StringContent("{\"id\":\"evt_1\",\"object\":\"event\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (forged.Status, unsigned.StatusCode));
        Assert.Equal("application/problem+json", unsigned.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("Open", 8000L), await StatusAsync(s, invoice.Id));
        Assert.False(await app.Services.GetRequiredService<IPaymentEventLog>().WasProcessedAsync("stripe", forged.EventId));
    }

    [Fact]
    public async Task AnEventNoPaymentActsOn_IsAcknowledged_AndNotKept()
    {
        using var app = StripeSetup.NewApp(_stripe);
        StripeSetup.DeliverInMemory(app, _stripe);

        var created = await _stripe.SendEventAsync("customer.created", new JsonObject { ["id"] = "cus_someone", ["object"] = "customer" });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.False(await app.Services.GetRequiredService<IPaymentEventLog>().WasProcessedAsync("stripe", created.EventId));
    }

    [Fact]
    public async Task ADeclinedCard_LeavesTheInvoiceOpen_AndTheAttemptFailed()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var invoice = await s.IssueInvoiceAsync(s.Property.Id);

        await StripeSetup.PayAsync((await StripeSetup.CheckoutAsync(s.Owner, invoice.Id)).Url, FakeStripe.DecliningCard);
        await _stripe.WaitForWebhooksAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(("Open", 8000L), await StatusAsync(s, invoice.Id));
        var attempt = Assert.Single((await s.Owner.GetFromJsonAsync<PaymentDto[]>("/api/v1/portal/payments", ApiJson.Options))!);
        Assert.Equal("Failed", attempt.Status);
        Assert.Contains("declined", attempt.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OnlyThoseWhoPayTheBills_MayPay_AndOnlyWhatIsDue()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        var invoice = await s.IssueInvoiceAsync(s.Property.Id);
        var manager = await s.Customer.SignInAsync((await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "PropertyManager", s.Property.Id)).Id);
        var payables = await s.Customer.SignInAsync((await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "AccountsPayable")).Id);

        var managersView = (await manager.GetFromJsonAsync<PortalDocumentsDto>("/api/v1/portal/documents", ApiJson.Options))!;
        using var managerPays = await manager.PostAsJsonAsync("/api/v1/portal/payments/checkout", new { invoiceIds = new[] { invoice.Id } });
        using var nothing = await payables.PostAsJsonAsync("/api/v1/portal/payments/checkout", new { invoiceIds = Array.Empty<string>() });
        using var stranger = await payables.PostAsJsonAsync("/api/v1/portal/payments/checkout", new { invoiceIds = new[] { Guid.NewGuid().ToString("N") } });
        var payablesView = (await payables.GetFromJsonAsync<PortalDocumentsDto>("/api/v1/portal/documents", ApiJson.Options))!;

        Assert.False(managersView.CanPay);
        Assert.Equal([invoice.Id], managersView.Invoices.Select(i => i.Id)); // sees the invoice of the site, cannot pay it
        Assert.Equal(HttpStatusCode.Forbidden, managerPays.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.True(payablesView.CanPay);
        Assert.Empty(_stripe.Sessions);
    }

    private static async Task<(string Status, long Due)> StatusAsync(DocumentScenario s, string invoiceId)
    {
        var invoice = (await s.Dispatcher.GetFromJsonAsync<InvoiceDto>($"/api/v1/invoices/{invoiceId}", ApiJson.Options))!;
        return (invoice.Status, invoice.Due);
    }
}
