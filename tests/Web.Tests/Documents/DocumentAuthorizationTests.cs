using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Documents;

/// <summary>Who sees which documents and photos: every refusal is a 404, the same as an id that does not exist.</summary>
public sealed class DocumentAuthorizationTests
{
    [Fact]
    public async Task CustomerCannotSeeApproveOrDownloadAnotherCustomersDocuments_ByTheirIds()
    {
        using var app = new PortalFactory();
        var smiths = await DocumentScenario.CreateAsync(app);
        var joneses = await CustomerScenario.CreateAsync(smiths.Company, "Joneses");
        await joneses.AddPropertyAsync("Jones house");
        var jones = await joneses.SignInAsync((await joneses.AddContactAsync(DocumentScenario.UniqueEmail())).Id);
        var (estimate, invoice, job, photoUrl) = await SmithDocumentsAsync(smiths);

        foreach (var path in DocumentPaths(estimate, invoice, job, photoUrl))
            Assert.Equal(HttpStatusCode.NotFound, (await jones.GetAsync(path)).StatusCode);
        foreach (var decision in new[] { "approve", "decline" })
            Assert.Equal(HttpStatusCode.NotFound, (await jones.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate}/{decision}", new { signedName = "Jo Jones" })).StatusCode);
        var listed = (await jones.GetFromJsonAsync<PortalDocumentsDto>("/api/v1/portal/documents", ApiJson.Options))!;
        Assert.Empty(listed.Reports);
        Assert.Empty(listed.Estimates);
        Assert.Empty(listed.Invoices);

        // A photo opens only through the job it belongs to, even for its own customer.
        var secondJob = await smiths.AddAssignedJobAsync("Second job");
        Assert.Equal(HttpStatusCode.NotFound, (await smiths.Owner.GetAsync($"/api/v1/portal/reports/{secondJob}/photos/{photoUrl.Split('/')[^1]}")).StatusCode);

        // The estimate is untouched and the Smiths can still decide it.
        Assert.Equal(HttpStatusCode.OK, (await smiths.Owner.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate}/approve", new { signedName = "Maria Silva" })).StatusCode);
        foreach (var path in DocumentPaths(estimate, invoice, job, photoUrl))
            Assert.Equal(HttpStatusCode.OK, (await smiths.Owner.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task AnotherCompany_CannotReachTheDocuments_AsCustomerOrDispatcher()
    {
        using var app = new PortalFactory();
        var acme = await DocumentScenario.CreateAsync(app);
        var bolt = await DocumentScenario.CreateAsync(app, "Bolt HVAC");
        var (estimate, invoice, job, photoUrl) = await SmithDocumentsAsync(acme);

        foreach (var path in DocumentPaths(estimate, invoice, job, photoUrl))
            Assert.Equal(HttpStatusCode.NotFound, (await bolt.Owner.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bolt.Owner.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate}/approve", new { signedName = "Bo Bolt" })).StatusCode);
        foreach (var path in new[] { $"/api/v1/estimates/{estimate}", $"/api/v1/invoices/{invoice}", $"/api/v1/tickets/{job}/report", $"/api/v1/customers/{acme.Customer.Id}/documents" })
            Assert.Equal(HttpStatusCode.NotFound, (await bolt.Dispatcher.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bolt.Dispatcher.GetAsync(photoUrl.Replace("/portal/reports/", "/tickets/").Replace("/photos/", "/report/photos/"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bolt.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job}/report/notes", new { text = "Hi" })).StatusCode);
        // A dispatcher cannot bill another company's customer either.
        var billed = await bolt.Dispatcher.PostAsJsonAsync("/api/v1/invoices", new { customerId = acme.Customer.Id, title = "x", currency = "EUR", dueDate = "2026-12-31", lines = new[] { new { description = "x", quantity = 1m, unitAmount = 100L } } });
        Assert.Equal(HttpStatusCode.BadRequest, billed.StatusCode);
    }

    [Fact]
    public async Task PropertyManager_SeesOnlyTheirSitesDocuments_WhileAccountsPayableSeesAll()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var north = s.Property;
        var south = await s.Customer.AddPropertyAsync("South office");
        var manager = await s.Customer.SignInAsync((await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "PropertyManager", north.Id)).Id);
        var payables = await s.Customer.SignInAsync((await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "AccountsPayable")).Id);
        var northEstimate = await s.CreateEstimateAsync(propertyId: north.Id);
        var southEstimate = await s.CreateEstimateAsync(propertyId: south.Id);
        var companyWide = await s.CreateEstimateAsync(); // about no site: owners and accounts payable only
        var northInvoice = await s.IssueInvoiceAsync(north.Id);
        var southInvoice = await s.IssueInvoiceAsync(south.Id);
        var northJob = await s.AddAssignedJobAsync("North job", north.Id);
        var southJob = await s.AddAssignedJobAsync("South job", south.Id);
        foreach (var job in new[] { northJob, southJob })
            (await s.Device.PostAsJsonAsync($"/api/v1/device/jobs/{job}/notes", new { text = "Checked." })).EnsureSuccessStatusCode();

        var managed = (await manager.GetFromJsonAsync<PortalDocumentsDto>("/api/v1/portal/documents", ApiJson.Options))!;
        Assert.Equal([northEstimate.Id], managed.Estimates.Select(e => e.Id));
        Assert.Equal([northInvoice.Id], managed.Invoices.Select(i => i.Id));
        Assert.Equal([northJob], managed.Reports.Select(r => r.TicketId));
        foreach (var path in new[] { $"/api/v1/portal/estimates/{southEstimate.Id}", $"/api/v1/portal/estimates/{companyWide.Id}", $"/api/v1/portal/invoices/{southInvoice.Id}", $"/api/v1/portal/reports/{southJob}", $"/api/v1/portal/reports/{southJob}/download" })
            Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/v1/portal/estimates/{southEstimate.Id}/approve", new { signedName = "Pat Manager" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/portal/estimates/{northEstimate.Id}/approve", new { signedName = "Pat Manager" })).StatusCode);

        var all = (await payables.GetFromJsonAsync<PortalDocumentsDto>("/api/v1/portal/documents", ApiJson.Options))!;
        Assert.Equal([companyWide.Id, southEstimate.Id, northEstimate.Id], all.Estimates.Select(e => e.Id)); // newest first
        Assert.Equal([southInvoice.Id, northInvoice.Id], all.Invoices.Select(i => i.Id));
        Assert.Equal(HttpStatusCode.OK, (await payables.PostAsJsonAsync($"/api/v1/portal/estimates/{companyWide.Id}/decline", new { signedName = "Ana Payables" })).StatusCode);
    }

    [Fact]
    public async Task CustomerCookie_OpensNoDispatcherDocumentApi_AndDispatcherCookieNoPortalOne()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var (estimate, invoice, job, photoUrl) = await SmithDocumentsAsync(s);

        foreach (var path in new[] { $"/api/v1/estimates/{estimate}", $"/api/v1/invoices/{invoice}", $"/api/v1/tickets/{job}/report", $"/api/v1/customers/{s.Customer.Id}/documents" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await s.Owner.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await s.Owner.PostAsJsonAsync("/api/v1/estimates", new { customerId = s.Customer.Id })).StatusCode);
        foreach (var path in DocumentPaths(estimate, invoice, job, photoUrl).Append("/api/v1/portal/documents"))
            Assert.Equal(HttpStatusCode.Unauthorized, (await s.Dispatcher.GetAsync(path)).StatusCode);
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(photoUrl)).StatusCode);
    }

    /// <summary>An estimate, an invoice and a worked job with a photo for the scenario's customer; the photo's portal URL.</summary>
    private static async Task<(string Estimate, string Invoice, string Job, string PhotoUrl)> SmithDocumentsAsync(DocumentScenario s)
    {
        var estimate = await s.CreateEstimateAsync(propertyId: s.Property.Id);
        var invoice = await s.IssueInvoiceAsync(s.Property.Id);
        var job = await s.AddAssignedJobAsync();
        await s.WorkJobAsync(job);
        (await DocumentScenario.PostPhotoAsync(s.Device, $"/api/v1/device/jobs/{job}/photos", DocumentScenario.Png)).EnsureSuccessStatusCode();
        var report = (await s.Owner.GetFromJsonAsync<JobReportDto>($"/api/v1/portal/reports/{job}", ApiJson.Options))!;
        return (estimate.Id, invoice.Id, job, report.Photos[0].Url);
    }

    private static IEnumerable<string> DocumentPaths(string estimate, string invoice, string job, string photoUrl) =>
    [
        $"/api/v1/portal/estimates/{estimate}",
        $"/api/v1/portal/invoices/{invoice}",
        $"/api/v1/portal/reports/{job}",
        $"/api/v1/portal/reports/{job}/download",
        photoUrl,
    ];
}
