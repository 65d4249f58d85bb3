using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Documents;

/// <summary>Invoices: issued by dispatchers with server-side totals, numbered, viewed by the customer.</summary>
public sealed class InvoiceApiTests
{
    [Fact]
    public async Task DispatcherIssuesInvoice_AndTheCustomerSeesItOpen_WithTheServersTotal()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);

        var response = await s.Dispatcher.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId = s.Customer.Id,
            propertyId = s.Property.Id,
            title = "March visits",
            currency = "EUR",
            dueDate = "2026-04-30",
            total = 0.01m,
            lines = new[] { new { description = "Visit", quantity = 2m, unitAmount = 8000L }, new { description = "Valve", quantity = 1m, unitAmount = 1999L } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var invoice = (await response.Content.ReadFromJsonAsync<InvoiceDto>(ApiJson.Options))!;
        Assert.Equal((17999L, 17999L, "Open", new DateOnly(2026, 4, 30)), (invoice.Total, invoice.Due, invoice.Status, invoice.DueDate));
        Assert.Matches("^INV-[0-9]{5}$", invoice.Number);
        var seen = (await s.Owner.GetFromJsonAsync<InvoiceDto>($"/api/v1/portal/invoices/{invoice.Id}", ApiJson.Options))!;
        Assert.Equal((17999L, "March visits", invoice.Number), (seen.Total, seen.Title, seen.Number));
        var listed = (await s.Owner.GetFromJsonAsync<PortalDocumentsDto>("/api/v1/portal/documents", ApiJson.Options))!;
        Assert.Equal([invoice.Id], listed.Invoices.Select(i => i.Id));
        var office = (await s.Dispatcher.GetFromJsonAsync<CustomerDocumentsDto>($"/api/v1/customers/{s.Customer.Id}/documents", ApiJson.Options))!;
        Assert.Equal([invoice.Id], office.Invoices.Select(i => i.Id));
    }

    [Fact]
    public async Task InvalidInvoices_AreRefusedWith400()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var line = new[] { new { description = "Visit", quantity = 1m, unitAmount = 8000L } };

        var noDueDate = await s.Dispatcher.PostAsJsonAsync("/api/v1/invoices", new { customerId = s.Customer.Id, title = "x", currency = "EUR", lines = line });
        var badDate = await s.Dispatcher.PostAsJsonAsync("/api/v1/invoices", new { customerId = s.Customer.Id, title = "x", currency = "EUR", dueDate = "31/12/2026", lines = line });
        var noLines = await s.Dispatcher.PostAsJsonAsync("/api/v1/invoices", new { customerId = s.Customer.Id, title = "x", currency = "EUR", dueDate = "2026-12-31" });

        Assert.Equal(HttpStatusCode.BadRequest, noDueDate.StatusCode);
        Assert.Contains("dueDate", await noDueDate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noLines.StatusCode);
        Assert.Contains("lines", await noLines.Content.ReadAsStringAsync());
    }
}
