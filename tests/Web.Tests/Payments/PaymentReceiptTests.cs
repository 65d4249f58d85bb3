using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Payments;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>
/// A paid payment's receipt as a PDF, read back with PdfPig: what it says (the company, the total, each invoice it paid
/// with the amount applied, how it was paid) in the reader's language; and that nobody but the payers gets one.
/// </summary>
public sealed class PaymentReceiptTests : IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task APaymentForTwoInvoices_HasAReceiptNamingBoth_WithWhatWasAppliedToEach_InEnglishAndPortuguese()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var (march, april) = (await s.IssueInvoiceAsync(s.Property.Id, "March"), await s.IssueInvoiceAsync(s.Property.Id, "April"));
        await PayAsync(s.Owner, march.Id, april.Id);
        var payment = Assert.Single((await s.Owner.GetFromJsonAsync<PaymentDto[]>("/api/v1/portal/payments", ApiJson.Options))!);

        using var response = await s.Owner.GetAsync($"/api/v1/portal/payments/{payment.Id}/receipt.pdf?language=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches($@"^receipt-\d{{4}}-\d{{2}}-\d{{2}}-{payment.Id}\.pdf$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(BrowserFixture.ArtifactPath("receipt-en.pdf"), bytes); // to be looked at, as screenshots are
        var english = PdfText.Read(bytes).All;
        Assert.Contains("Acme Irrigation", english);
        Assert.Contains("Receipt · €160.00", english);
        Assert.Contains($"Reference {payment.Id}", english);
        Assert.Contains("Paid with Card", english);
        Assert.Contains("Paid by Smith household", english);
        Assert.Matches(@"Date paid \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d", english);
        Assert.Contains($"Invoice {march.Number} €80.00", english);
        Assert.Contains($"Invoice {april.Number} €80.00", english);
        Assert.Contains("Total paid €160.00", english);

        var portuguese = PdfText.Read(await s.Owner.GetByteArrayAsync($"/api/v1/portal/payments/{payment.Id}/receipt.pdf?language=pt")).All;
        Assert.Contains("Recibo · 160,00 €", portuguese);
        Assert.Contains($"Fatura {march.Number} 80,00 €", portuguese);
        Assert.Contains("Pago com Cartão", portuguese);
    }

    [Fact]
    public async Task AFailedPayment_HasNoReceipt_AndOnlyTheCustomersPayersGetOne()
    {
        using var app = StripeSetup.NewApp(_stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var (declined, paidFor) = (await s.IssueInvoiceAsync(s.Property.Id, "March"), await s.IssueInvoiceAsync(s.Property.Id, "April"));
        await StripeSetup.PayAsync((await StripeSetup.CheckoutAsync(s.Owner, declined.Id)).Url, FakeStripe.DecliningCard);
        await _stripe.WaitForWebhooksAsync(TimeSpan.FromSeconds(30));
        await PayAsync(s.Owner, paidFor.Id);
        var history = (await s.Owner.GetFromJsonAsync<PaymentDto[]>("/api/v1/portal/payments", ApiJson.Options))!;
        var (failed, paid) = (history.Single(p => p.Status == "Failed"), history.Single(p => p.Status == "Succeeded"));

        var manager = await s.Customer.SignInAsync((await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "PropertyManager", s.Property.Id)).Id);
        var payables = await s.Customer.SignInAsync((await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "AccountsPayable")).Id);
        var other = await DocumentScenario.CreateAsync(app, "Other Company", "Other household");
        var receipt = $"/api/v1/portal/payments/{paid.Id}/receipt.pdf";

        using var ofFailed = await s.Owner.GetAsync($"/api/v1/portal/payments/{failed.Id}/receipt.pdf");
        using var byManager = await manager.GetAsync(receipt);
        using var byPayables = await payables.GetAsync(receipt);
        using var byOtherCompany = await other.Owner.GetAsync(receipt);
        using var unknown = await s.Owner.GetAsync("/api/v1/portal/payments/pi_nothing/receipt.pdf");
        using var badLanguage = await s.Owner.GetAsync(receipt + "?language=xx");

        Assert.Equal(HttpStatusCode.Conflict, ofFailed.StatusCode);
        Assert.Equal("application/problem+json", ofFailed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byPayables.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherCompany.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
    }

    private async Task PayAsync(HttpClient contact, params string[] invoiceIds)
    {
        await StripeSetup.PayAsync((await StripeSetup.CheckoutAsync(contact, invoiceIds)).Url);
        await _stripe.WaitForWebhooksAsync(TimeSpan.FromSeconds(30));
    }
}
