using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Payments;
using OrleansPortal.Web.Payments.Office;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>
/// An invoice's money from the office, against the fake Stripe: refunds recorded once Stripe's webhook confirms them (once,
/// however often it says so), never more than was paid, one per click however often it is retried; credit notes,
/// write-offs and payments received by hand; and nothing of another company's invoices.
/// </summary>
public sealed class OfficeMoneyTests : IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task APartialRefund_ShowsOnTheInvoiceAndInTheLedgerOnce_WhenStripeConfirmsIt_EvenTwice()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var invoice = await PaidInvoiceAsync(s);
        _stripe.SendEveryEventTwice = true;
        _stripe.HoldEvents();

        using var asked = await RefundAsync(s.Dispatcher, invoice.Id, 3000, "Broken nozzle left unfixed");
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var refund = (await asked.Content.ReadFromJsonAsync<OfficeRefundDto>(ApiJson.Options))!;
        Assert.StartsWith("re_", refund.RefundId, StringComparison.Ordinal);
        var before = await MoneyAsync(s.Dispatcher, invoice.Id);
        Assert.Equal((8000L, "Paid"), (before.Invoice.Paid, before.Invoice.Status)); // not refunded until Stripe says so
        Assert.Equal(5000L, Assert.Single(before.Payments).Refundable); // but reserved: not refundable twice

        await _stripe.ReleaseHeldEventsAsync();
        await _stripe.WaitForWebhooksAsync(TimeSpan.FromSeconds(30));

        var after = await MoneyAsync(s.Dispatcher, invoice.Id);
        Assert.Equal((5000L, 0L, "Paid"), (after.Invoice.Paid, after.Invoice.Due, after.Invoice.Status));
        var refunded = Assert.Single(after.Ledger, r => r.Kind == "Refunded");
        Assert.Equal((3000L, refund.RefundId, s.Company.Email, "Broken nozzle left unfixed"), (refunded.Amount, refunded.Source, refunded.Actor, refunded.Note));
        Assert.Single(after.Ledger, r => r.Kind == "Credited"); // the credit note that goes with a refund, once too
        Assert.True(Assert.Single(after.Refunds).Recorded);
        Assert.Equal(3000L, (long)Assert.Single(_stripe.Refunds)["amount"]!);
        var portal = (await s.Owner.GetFromJsonAsync<InvoiceMovementDto[]>($"/api/v1/portal/invoices/{invoice.Id}/money", ApiJson.Options))!;
        Assert.Equal([("Paid", 8000L), ("Refunded", 3000L)], portal.Select(m => (m.Kind, m.Amount)));
    }

    [Fact]
    public async Task ARefundOfMoreThanWasPaid_Is409_AndAsksStripeForNothing()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var invoice = await PaidInvoiceAsync(s);
        var unpaid = await s.IssueInvoiceAsync(s.Property.Id, "Autumn shut-down");

        using var tooMuch = await RefundAsync(s.Dispatcher, invoice.Id, 8001);
        using var nothingPaid = await RefundAsync(s.Dispatcher, unpaid.Id, 100);
        using var zero = await RefundAsync(s.Dispatcher, invoice.Id, 0);
        using var noRequestId = await s.Dispatcher.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/refunds", new { amount = 100, reason = "Goodwill" });

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (tooMuch.StatusCode, nothingPaid.StatusCode));
        Assert.Contains("80.00 EUR", await tooMuch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", tooMuch.Content.Headers.ContentType?.MediaType);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (zero.StatusCode, noRequestId.StatusCode));
        Assert.Empty(_stripe.Refunds);
        Assert.Equal(8000L, (await MoneyAsync(s.Dispatcher, invoice.Id)).Invoice.Paid);
    }

    [Fact]
    public async Task ARetriedRefundRequest_RefundsOnce_AndWhatItReservedIsNotRefundedAgain()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var invoice = await PaidInvoiceAsync(s);
        var requestId = Guid.NewGuid();

        using var first = await RefundAsync(s.Dispatcher, invoice.Id, 5000, requestId: requestId);
        using var again = await RefundAsync(s.Dispatcher, invoice.Id, 5000, requestId: requestId);
        using var more = await RefundAsync(s.Dispatcher, invoice.Id, 4000); // only 3000 is left of the payment
        await _stripe.WaitForWebhooksAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Conflict), (first.StatusCode, again.StatusCode, more.StatusCode));
        var (one, two) = ((await first.Content.ReadFromJsonAsync<OfficeRefundDto>(ApiJson.Options))!, (await again.Content.ReadFromJsonAsync<OfficeRefundDto>(ApiJson.Options))!);
        Assert.Equal(one.RefundId, two.RefundId);
        Assert.Single(_stripe.Refunds);
        var money = await MoneyAsync(s.Dispatcher, invoice.Id);
        Assert.Equal(5000L, Assert.Single(money.Ledger, r => r.Kind == "Refunded").Amount);
        Assert.Equal((3000L, 3000L), (money.Invoice.Paid, Assert.Single(money.Payments).Refundable));
    }

    [Fact]
    public async Task CreditNotesWriteOffsAndPaymentsByHand_LowerWhatIsDue_EachOnce()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        var invoice = await s.IssueInvoiceAsync(s.Property.Id);
        var creditId = Guid.NewGuid();

        var credited = await ActAsync(s.Dispatcher, invoice.Id, "credit-notes", new { amount = 1000, reason = "Late arrival", requestId = creditId });
        var retried = await ActAsync(s.Dispatcher, invoice.Id, "credit-notes", new { amount = 1000, reason = "Late arrival", requestId = creditId });
        var writtenOff = await ActAsync(s.Dispatcher, invoice.Id, "write-offs", new { amount = 2000, reason = "Disputed hour", requestId = Guid.NewGuid() });
        using var tooMuch = await s.Dispatcher.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/write-offs", new { amount = 5001, reason = "All of it", requestId = Guid.NewGuid() });
        using var noReason = await s.Dispatcher.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/credit-notes", new { amount = 100, requestId = Guid.NewGuid() });
        using var badMethod = await s.Dispatcher.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", new { amount = 100, method = "bitcoin", requestId = Guid.NewGuid() });
        using var overpaid = await s.Dispatcher.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", new { amount = 5001, method = "cash", requestId = Guid.NewGuid() });
        var paid = await ActAsync(s.Dispatcher, invoice.Id, "payments", new { amount = 5000, method = "transfer", reference = "TRF-2231", requestId = Guid.NewGuid() });

        Assert.Equal((7000L, 7000L, 5000L), (credited.Invoice.Due, retried.Invoice.Due, writtenOff.Invoice.Due));
        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
        Assert.Contains("50.00 EUR", await tooMuch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, overpaid.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (noReason.StatusCode, badMethod.StatusCode));
        Assert.Equal((0L, 5000L, "Paid"), (paid.Invoice.Due, paid.Invoice.Paid, paid.Invoice.Status));
        Assert.Equal(["Issued", "Credited", "WrittenOff", "Paid"], paid.Ledger.Select(r => r.Kind));
        var byHand = paid.Ledger[^1];
        Assert.Equal(("transfer", "TRF-2231", s.Company.Email), (byHand.Method, byHand.Note, byHand.Actor));
        Assert.StartsWith("office:", byHand.Source, StringComparison.Ordinal);
        Assert.Equal(("Late arrival", "Disputed hour"), (paid.Ledger[1].Note, paid.Ledger[2].Note));
    }

    [Fact]
    public async Task AnotherCompanysDispatcher_NeitherSeesNorMovesTheInvoicesMoney()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var invoice = await PaidInvoiceAsync(s);
        var other = await TenantScenario.CreateAsync(app, "Rival Gardens");

        using var read = await other.Dispatcher.GetAsync($"/api/v1/invoices/{invoice.Id}/ledger");
        using var refund = await RefundAsync(other.Dispatcher, invoice.Id, 1000);
        using var credit = await other.Dispatcher.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/credit-notes", new { amount = 100, reason = "x", requestId = Guid.NewGuid() });
        using var writeOff = await other.Dispatcher.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/write-offs", new { amount = 100, reason = "x", requestId = Guid.NewGuid() });
        using var pay = await other.Dispatcher.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", new { amount = 100, method = "cash", requestId = Guid.NewGuid() });
        using var customer = await s.Owner.GetAsync($"/api/v1/invoices/{invoice.Id}/ledger");
        using var otherPortal = await (await OtherOwnerAsync(app)).GetAsync($"/api/v1/portal/invoices/{invoice.Id}/money");

        Assert.All([read, refund, credit, writeOff, pay, otherPortal], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.NotEqual(HttpStatusCode.OK, customer.StatusCode); // a customer's contact is not the office
        Assert.Empty(_stripe.Refunds);
        var money = await MoneyAsync(s.Dispatcher, invoice.Id);
        Assert.Equal(["Issued", "Paid"], money.Ledger.Select(r => r.Kind));
    }

    private async Task<InvoiceDto> PaidInvoiceAsync(DocumentScenario s)
    {
        var invoice = await s.IssueInvoiceAsync(s.Property.Id);
        using var response = await s.Owner.PostAsJsonAsync("/api/v1/portal/payments/checkout", new { invoiceIds = new[] { invoice.Id } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await StripeSetup.PayAsync((await response.Content.ReadFromJsonAsync<CheckoutDto>(ApiJson.Options))!.Url);
        await Eventually.TrueAsync(async () => (await MoneyAsync(s.Dispatcher, invoice.Id)).Invoice.Status == "Paid", "Stripe's webhook pays the invoice");
        return invoice;
    }

    private static async Task<HttpClient> OtherOwnerAsync(PortalFactory app)
    {
        var other = await DocumentScenario.CreateAsync(app, "Other Irrigation", "Jones household");
        return other.Owner;
    }

    private static Task<HttpResponseMessage> RefundAsync(HttpClient dispatcher, string invoiceId, long amount, string reason = "Goodwill", Guid? requestId = null) =>
        dispatcher.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/refunds", new { amount, reason, requestId = requestId ?? Guid.NewGuid() });

    private static async Task<InvoiceMoneyDto> ActAsync(HttpClient dispatcher, string invoiceId, string action, object body)
    {
        using var response = await dispatcher.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/{action}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<InvoiceMoneyDto>(ApiJson.Options))!;
    }

    private static async Task<InvoiceMoneyDto> MoneyAsync(HttpClient dispatcher, string invoiceId) =>
        (await dispatcher.GetFromJsonAsync<InvoiceMoneyDto>($"/api/v1/invoices/{invoiceId}/ledger", ApiJson.Options))!;
}
