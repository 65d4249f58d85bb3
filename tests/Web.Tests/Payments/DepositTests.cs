using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Payments;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>
/// Deposits and progress billing (issue 15, item 4), on SQLite and PostgreSQL where they store something: an estimate
/// that asks for a deposit issues one deposit invoice on approval, however often it is approved; Stripe's webhook marks
/// the deposit paid; progress invoices bill the total at most once, with the paid deposit credited once.
/// </summary>
public sealed class DepositTests : IAsyncLifetime
{
    /// <summary>DocumentScenario's estimate: a controller (249.90) and 1.5 hours of labour (67.50), no tax.</summary>
    private const long EstimateTotal = 31_740;

    private FakeStripe _stripe = null!;
    private PostgresDatabase? _database;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync()
    {
        await _stripe.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    [Fact]
    public async Task ADeposit_IsAPercentageOrAnAmount_MoreThanZero_AndNoMoreThanTheTotal()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);

        await ValidationProblems.AssertNamesFieldAsync(await CreateAsync(s, new { rate = -100 }), "deposit.rate");
        await ValidationProblems.AssertNamesFieldAsync(await CreateAsync(s, new { rate = 10_001 }), "deposit.rate");
        await ValidationProblems.AssertNamesFieldAsync(await CreateAsync(s, new { amount = -1L }), "deposit.amount");
        await ValidationProblems.AssertNamesFieldAsync(await CreateAsync(s, new { amount = EstimateTotal + 1 }), "deposit.amount");
        await ValidationProblems.AssertNamesFieldAsync(await CreateAsync(s, new { rate = 3000, amount = 5000L }), "deposit");
        var documents = (await s.Dispatcher.GetFromJsonAsync<CustomerDocumentsDto>($"/api/v1/customers/{s.Customer.Id}/documents", ApiJson.Options))!;
        Assert.Empty(documents.Estimates);

        using var whole = await CreateAsync(s, new { amount = EstimateTotal });
        var thirty = await ReadAsync<EstimateDto>(await CreateAsync(s, new { rate = 3000 }));
        Assert.Equal(HttpStatusCode.Created, whole.StatusCode);
        Assert.Equal((9_522L, 3000, "AwaitingApproval", (string?)null), (thirty.Deposit!.Amount, thirty.Deposit.Rate, thirty.Deposit.Status, thirty.Deposit.InvoiceId));
        var seen = (await s.Owner.GetFromJsonAsync<EstimateDto>($"/api/v1/portal/estimates/{thirty.Id}", ApiJson.Options))!;
        Assert.Equal(9_522L, seen.Deposit!.Amount);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ApprovingTwice_IssuesOneDepositInvoice_AndStripesWebhookMarksTheDepositPaid(string storage)
    {
        using var app = await NewAppAsync(storage);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var estimate = await ReadAsync<EstimateDto>(await CreateAsync(s, new { rate = 3000 }));

        var approved = await ApproveAsync(s.Owner, estimate.Id);
        var again = await ApproveAsync(s.Owner, estimate.Id);

        Assert.Equal(("Approved", "Due"), (approved.Status, approved.Deposit!.Status));
        Assert.Equal(approved.Deposit.InvoiceId, again.Deposit!.InvoiceId);
        var listed = (await s.Owner.GetFromJsonAsync<PortalDocumentsDto>("/api/v1/portal/documents", ApiJson.Options))!;
        var deposit = Assert.Single(listed.Invoices);
        Assert.Equal((approved.Deposit.InvoiceId, approved.Deposit.InvoiceNumber, 9_522L, "Open"), (deposit.Id, deposit.Number, deposit.Total, deposit.Status));
        Assert.Equal($"Deposit for estimate {estimate.Number}", Assert.Single(deposit.Lines).Description);

        await StripeSetup.PayAsync((await CheckoutAsync(s.Owner, deposit.Id)).Url);
        await Eventually.TrueAsync(async () => (await EstimateAsync(s, estimate.Id)).Deposit!.Status == "Paid", "the webhook marks the deposit paid");

        var paid = await EstimateAsync(s, estimate.Id);
        Assert.Equal(("Approved", 9_522L), (paid.Status, paid.Deposit!.Paid));
        Assert.Equal(HttpStatusCode.Conflict, (await s.Owner.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate.Id}/decline", new { signedName = "Ana Owner" })).StatusCode);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ProgressInvoices_CreditThePaidDepositOnce_AndNeverBillMoreThanTheTotal(string storage)
    {
        using var app = await NewAppAsync(storage);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var estimate = await ReadAsync<EstimateDto>(await CreateAsync(s, new { rate = 3000 }));
        var depositId = (await ApproveAsync(s.Owner, estimate.Id)).Deposit!.InvoiceId!;
        await StripeSetup.PayAsync((await CheckoutAsync(s.Owner, depositId)).Url);
        await Eventually.TrueAsync(async () => (await EstimateAsync(s, estimate.Id)).Deposit!.Status == "Paid", "the webhook marks the deposit paid");
        var depositNumber = (await EstimateAsync(s, estimate.Id)).Deposit!.InvoiceNumber;

        var half = await ReadAsync<EstimateDto>(await BillAsync(s, estimate.Id, new { rate = 5000 }));
        var first = await InvoiceAsync(s, half.Progress.InvoiceIds[0]);
        Assert.Equal([("50 % of estimate " + estimate.Number, 15_870L), ($"Less deposit paid ({depositNumber})", -9_522L)], first.Lines.Select(l => (l.Description, l.Amount)));
        Assert.Equal((6_348L, 6_348L), (first.Total, first.Due));
        Assert.Equal((15_870L, 15_870L, 9_522L), (half.Progress.Billed, half.Progress.Remaining, half.Progress.DepositCredited));

        var more = await ReadAsync<EstimateDto>(await BillAsync(s, estimate.Id, new { rate = 3000 }));
        var second = await InvoiceAsync(s, more.Progress.InvoiceIds[1]);
        Assert.Equal([9_522L], second.Lines.Select(l => l.Amount)); // the deposit was credited in full already

        using var tooMuch = await BillAsync(s, estimate.Id, new { rate = 3000 });
        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
        Assert.Equal("application/problem+json", tooMuch.Content.Headers.ContentType?.MediaType);
        var after = await EstimateAsync(s, estimate.Id);
        Assert.Equal((25_392L, 6_348L, 2), (after.Progress.Billed, after.Progress.Remaining, after.Progress.InvoiceIds.Count));
        var documents = (await s.Dispatcher.GetFromJsonAsync<CustomerDocumentsDto>($"/api/v1/customers/{s.Customer.Id}/documents", ApiJson.Options))!;
        Assert.Equal(3, documents.Invoices.Count); // the deposit and two progress invoices: nothing of the refused one

        var rest = await ReadAsync<EstimateDto>(await BillAsync(s, estimate.Id, new { amount = 6_348L }));
        Assert.Equal((EstimateTotal, 0L, 9_522L), (rest.Progress.Billed, rest.Progress.Remaining, rest.Progress.DepositCredited));
    }

    [Fact]
    public async Task APropertyManager_SeesTheDeposit_ButOnlyPayersApprove_AndWithoutStripeTheDepositInvoiceStaysOpen()
    {
        using var app = new PortalFactory(); // Stripe is not set up
        var s = await DocumentScenario.CreateAsync(app);
        var manager = await s.Customer.SignInAsync((await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "PropertyManager", s.Property.Id)).Id);
        var estimate = await ReadAsync<EstimateDto>(await CreateAsync(s, new { amount = 10_000L }, s.Property.Id));

        var managersView = (await manager.GetFromJsonAsync<PortalDocumentsDto>("/api/v1/portal/documents", ApiJson.Options))!;
        using var managerApproves = await manager.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate.Id}/approve", new { signedName = "Pat Manager" });
        var ownersView = (await s.Owner.GetFromJsonAsync<PortalDocumentsDto>("/api/v1/portal/documents", ApiJson.Options))!;
        var approved = await ApproveAsync(s.Owner, estimate.Id);

        Assert.Equal((10_000L, false), (Assert.Single(managersView.Estimates).Deposit!.Amount, managersView.PaysBills));
        Assert.Equal(HttpStatusCode.Forbidden, managerApproves.StatusCode);
        Assert.Equal((false, true), (ownersView.CanPay, ownersView.PaysBills));
        Assert.Equal("Due", approved.Deposit!.Status);
        var invoice = await InvoiceAsync(s, approved.Deposit.InvoiceId!);
        Assert.Equal(("Open", 10_000L), (invoice.Status, invoice.Due));
    }

    [Fact]
    public async Task AnEstimateNotApproved_IsNotBilled_AndBadProgressRequestsNameTheirField()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var estimate = await s.CreateEstimateAsync();

        using var pending = await BillAsync(s, estimate.Id, new { rate = 5000 });
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        await ValidationProblems.AssertNamesFieldAsync(await BillAsync(s, estimate.Id, new { rate = 10_001 }), "rate");
        await ValidationProblems.AssertNamesFieldAsync(await BillAsync(s, estimate.Id, new { amount = -5L }), "amount");
        await ValidationProblems.AssertNamesFieldAsync(await s.Dispatcher.PostAsJsonAsync($"/api/v1/estimates/{estimate.Id}/progress-invoices", new { rate = 5000 }), "dueDate");
        Assert.Equal(HttpStatusCode.NotFound, (await BillAsync(s, Guid.NewGuid().ToString("N"), new { rate = 5000 })).StatusCode);
    }

    private async Task<PortalFactory> NewAppAsync(string storage)
    {
        PortalFactory app;
        if (storage == "PostgreSql")
        {
            _database = new PostgresDatabase();
            await _database.InitializeAsync();
            app = _database.App();
        }
        else
        {
            app = new PortalFactory();
        }

        StripeSetup.Configure(app, _stripe);
        return app;
    }

    private static Task<HttpResponseMessage> CreateAsync(DocumentScenario s, object deposit, string? propertyId = null) =>
        s.Dispatcher.PostAsJsonAsync("/api/v1/estimates", new
        {
            customerId = s.Customer.Id,
            propertyId,
            title = "New controller",
            currency = "EUR",
            validUntil = DateTimeOffset.UtcNow.AddDays(30),
            lines = new[] { new { description = "Controller", quantity = 1m, unitAmount = 24990L }, new { description = "Labour (hours)", quantity = 1.5m, unitAmount = 4500L } },
            deposit,
        });

    private static Task<HttpResponseMessage> BillAsync(DocumentScenario s, string estimateId, object body) =>
        s.Dispatcher.PostAsJsonAsync($"/api/v1/estimates/{estimateId}/progress-invoices", WithDueDate(body));

    private static Dictionary<string, object?> WithDueDate(object body)
    {
        var fields = body.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(body));
        fields["dueDate"] = "2026-12-31";
        return fields;
    }

    private static async Task<EstimateDto> ApproveAsync(HttpClient contact, string estimateId)
    {
        using var response = await contact.PostAsJsonAsync($"/api/v1/portal/estimates/{estimateId}/approve", new { signedName = "Ana Owner" });
        return await ReadAsync<EstimateDto>(response);
    }

    private static async Task<CheckoutDto> CheckoutAsync(HttpClient contact, string invoiceId)
    {
        using var response = await contact.PostAsJsonAsync("/api/v1/portal/payments/checkout", new { invoiceIds = new[] { invoiceId } });
        return await ReadAsync<CheckoutDto>(response);
    }

    private static async Task<EstimateDto> EstimateAsync(DocumentScenario s, string id) =>
        (await s.Dispatcher.GetFromJsonAsync<EstimateDto>($"/api/v1/estimates/{id}", ApiJson.Options))!;

    private static async Task<InvoiceDto> InvoiceAsync(DocumentScenario s, string id) =>
        (await s.Dispatcher.GetFromJsonAsync<InvoiceDto>($"/api/v1/invoices/{id}", ApiJson.Options))!;

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options))!;
    }
}
