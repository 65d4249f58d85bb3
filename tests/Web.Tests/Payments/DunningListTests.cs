using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Fakes;
using OrleansPortal.Testing;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Payments.Dunning;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>
/// The office's list of failed payments names each case's customer (the customer directory) and invoice number (the
/// ledger's issued row), read for the whole list in one query, on PostgreSQL as on the embedded SQLite; pausing and
/// resuming answer with the same; another company sees none of it.
/// </summary>
public sealed class DunningListTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private readonly PostgresDatabase _database = new();
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripe.StartAsync();
        await _database.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _stripe.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task OnPostgres_ACase_ReadsWithItsCustomersNameAndInvoiceNumber_AndPauseAndResumeAnswerWithThem()
    {
        using var app = _database.App();
        app.Clock = _time;
        StripeSetup.Configure(app, _stripe);
        var s = await DocumentScenario.CreateAsync(app, customerName: "Quinta do Vale");
        StripeSetup.DeliverInMemory(app, _stripe);
        var (_, caseId) = await DunningScenario.FailRenewalAsync(s, _stripe);
        var number = (await s.Dispatcher.GetFromJsonAsync<InvoiceDto>($"/api/v1/invoices/{caseId}", ApiJson.Options))!.Number;
        Assert.Matches("^INV-[0-9]{5}$", number);

        var listed = await DunningScenario.WaitForCaseAsync(s.Dispatcher, "/api/v1/dunning", caseId, c => c.Attempts == 1);
        Assert.Equal(("Quinta do Vale", number, "Retrying"), (listed.CustomerName, listed.InvoiceNumber, listed.Status));
        var ofCustomer = await DunningScenario.WaitForCaseAsync(s.Dispatcher, $"/api/v1/customers/{s.Customer.Id}/dunning", caseId, _ => true);
        Assert.Equal(("Quinta do Vale", number), (ofCustomer.CustomerName, ofCustomer.InvoiceNumber));

        using var paused = await s.Dispatcher.PostAsync($"/api/v1/dunning/{caseId}/pause", null);
        var pausedCase = (await paused.Content.ReadFromJsonAsync<DunningCaseDto>(ApiJson.Options))!;
        Assert.Equal(("Paused", "Quinta do Vale", number), (pausedCase.Status, pausedCase.CustomerName, pausedCase.InvoiceNumber));
        Assert.Equal(s.Company.Email, pausedCase.PausedBy);
        using var resumed = await s.Dispatcher.PostAsync($"/api/v1/dunning/{caseId}/resume", null);
        var resumedCase = (await resumed.Content.ReadFromJsonAsync<DunningCaseDto>(ApiJson.Options))!;
        Assert.Equal(("Retrying", "Quinta do Vale", number, null), (resumedCase.Status, resumedCase.CustomerName, resumedCase.InvoiceNumber, resumedCase.PausedBy));
    }

    [Fact]
    public async Task OnSqlite_ARenamedCustomer_ReadsWithItsNewName_AndAnotherCompanySeesNoCase()
    {
        using var app = new PortalFactory { Clock = _time };
        StripeSetup.Configure(app, _stripe);
        var s = await DocumentScenario.CreateAsync(app);
        StripeSetup.DeliverInMemory(app, _stripe);
        var (_, caseId) = await DunningScenario.FailRenewalAsync(s, _stripe);
        await DunningScenario.WaitForCaseAsync(s.Dispatcher, "/api/v1/dunning", caseId, c => c.CustomerName == "Smith household" && c.InvoiceNumber is not null);

        (await s.Dispatcher.PutAsJsonAsync($"/api/v1/customers/{s.Customer.Id}", new { name = "Smith & Daughters", kind = "Commercial" })).EnsureSuccessStatusCode();
        await DunningScenario.WaitForCaseAsync(s.Dispatcher, "/api/v1/dunning", caseId, c => c.CustomerName == "Smith & Daughters");

        var other = await TenantScenario.CreateAsync(app, "Other Irrigation");
        Assert.Empty((await other.Dispatcher.GetFromJsonAsync<DunningCaseDto[]>("/api/v1/dunning", ApiJson.Options))!);
        using var pause = await other.Dispatcher.PostAsync($"/api/v1/dunning/{caseId}/pause", null);
        Assert.Equal(HttpStatusCode.NotFound, pause.StatusCode);
        var ours = await DunningScenario.WaitForCaseAsync(s.Dispatcher, "/api/v1/dunning", caseId, _ => true);
        Assert.Equal("Retrying", ours.Status);
    }
}
