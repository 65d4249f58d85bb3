using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Fakes;
using OrleansPortal.Grains.Payments.Ledger;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Payments.Stripe;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using Stripe;
using Stripe.Checkout;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>Stripe does not keep its events in order: what the webhook records must not depend on the order they come in.</summary>
public sealed class StripeEventOrderTests : IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task ARefundWhoseEventComesBeforeItsPayments_IsRecordedWithThePayment()
    {
        using var app = new PortalFactory();
        StripeSetup.Configure(app, _stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var invoice = await s.IssueInvoiceAsync(s.Property.Id);
        var stripe = new StripeClient(new StripeClientOptions { ApiKey = _stripe.SecretKey, ApiBase = _stripe.BaseUrl.ToString() });
        _stripe.HoldEvents();

        var paying = new PaymentAllocations(s.Company.TenantId, s.Customer.Id, [(invoice.Id, 8000L)]);
        var session = await stripe.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            SuccessUrl = "https://portal.example/done",
            LineItems = [new() { Quantity = 1, PriceData = new() { Currency = "eur", UnitAmount = 8000, ProductData = new() { Name = "INV" } } }],
            PaymentIntentData = new() { Metadata = paying.ToMetadata() },
        });
        await StripeSetup.PayAsync(session.Url);
        var paymentIntentId = (string)_stripe.Find(session.Id)!["payment_intent"]!;
        await stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = paymentIntentId, Amount = 3000 });
        var refundsFirst = _stripe.TakeHeldEvents().OrderBy(e => e.Type.StartsWith("refund.", StringComparison.Ordinal) ? 0 : 1);
        foreach (var e in refundsFirst) Assert.Equal(HttpStatusCode.OK, (await _stripe.PostEventAsync(e)).Status);

        var rows = await app.Services.GetRequiredService<IMoneyLedger>().ForInvoiceAsync(s.Company.TenantId, invoice.Id);
        Assert.Equal(
            [(LedgerKind.Issued, 8000L), (LedgerKind.Paid, 8000L), (LedgerKind.Refunded, 3000L), (LedgerKind.Credited, 3000L)],
            rows.Select(r => (r.Kind, r.Amount)));
        var shown = (await s.Dispatcher.GetFromJsonAsync<InvoiceDto>($"/api/v1/invoices/{invoice.Id}", ApiJson.Options))!;
        Assert.Equal(("Paid", 5000L, 0L), (shown.Status, shown.Paid, shown.Due));
    }
}
