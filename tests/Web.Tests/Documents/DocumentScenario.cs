using System.Net.Http.Headers;
using System.Net.Http.Json;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Properties;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.Tests.Documents;

/// <summary>
/// A company with manual dispatch (so nothing reassigns jobs under a test), one customer with a property and a signed-in
/// owner, and one technician with a phone; helpers make jobs, walk them on site and done, and make documents.
/// </summary>
public sealed class DocumentScenario
{
    /// <summary>An 8 x 8 red PNG: real image bytes, so a browser shows it.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4YaOBFTEMLQkAdntLARs7+acAAAAASUVORK5CYII=");

    public static readonly (double Latitude, double Longitude) Site = (41.149, -8.606); // where CustomerScenario puts properties

    private DocumentScenario(TenantScenario company, CustomerScenario customer, PropertyDto property, HttpClient owner, string technicianId, HttpClient device)
    {
        Company = company;
        Customer = customer;
        Property = property;
        Owner = owner;
        TechnicianId = technicianId;
        Device = device;
    }

    public TenantScenario Company { get; }

    public CustomerScenario Customer { get; }

    public PropertyDto Property { get; }

    /// <summary>Signed in as the customer's Owner contact.</summary>
    public HttpClient Owner { get; }

    public string TechnicianId { get; }

    /// <summary>The technician's phone (device token).</summary>
    public HttpClient Device { get; }

    public HttpClient Dispatcher => Company.Dispatcher;

    public static async Task<DocumentScenario> CreateAsync(PortalFactory app, string companyName = "Acme Irrigation", string customerName = "Smith household", string technicianName = "Tomás Technician")
    {
        var company = await TenantScenario.CreateWithManualDispatchAsync(app, companyName);
        var customer = await CustomerScenario.CreateAsync(company, customerName, "Commercial");
        var property = await customer.AddPropertyAsync("Main site");
        var owner = await customer.SignInAsync((await customer.AddContactAsync(UniqueEmail(), "Owner")).Id);
        var technician = await company.AddTechnicianAsync(technicianName);
        var device = DeviceClient(app, (await company.IssueTokenAsync(technician.Id)).Token);
        return new DocumentScenario(company, customer, property, owner, technician.Id, device);
    }

    public static HttpClient DeviceClient(PortalFactory app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string UniqueEmail() => $"contact-{Guid.NewGuid():N}@example.com";

    /// <summary>A job at <paramref name="propertyId"/> (default: the main site) assigned to <paramref name="technicianId"/> (default: the scenario's).</summary>
    public async Task<string> AddAssignedJobAsync(string description = "Fix the sprinklers", string? propertyId = null, string? technicianId = null)
    {
        var created = await Dispatcher.PostAsJsonAsync("/api/v1/tickets", new
        {
            customerId = Customer.Id,
            propertyId = propertyId ?? Property.Id,
            location = new { latitude = Site.Latitude, longitude = Site.Longitude },
            address = "Rua de Santa Catarina 1, Porto",
            description,
            requiredSkills = new[] { "irrigation" },
            estimatedMinutes = 60,
        });
        created.EnsureSuccessStatusCode();
        var ticket = (await created.Content.ReadFromJsonAsync<TicketDto>(ApiJson.Options))!;
        (await Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/status", new { status = "Assigned", technicianId = technicianId ?? TechnicianId })).EnsureSuccessStatusCode();
        return ticket.Id;
    }

    /// <summary>The technician's phone takes the job on the way, checks in at the site and completes it.</summary>
    public async Task WorkJobAsync(string ticketId)
    {
        (await Device.PostAsJsonAsync($"/api/v1/device/jobs/{ticketId}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();
        (await Device.PostAsJsonAsync("/api/v1/device/check-in", new { ticketId, latitude = Site.Latitude, longitude = Site.Longitude })).EnsureSuccessStatusCode();
        (await Device.PostAsJsonAsync($"/api/v1/device/jobs/{ticketId}/status", new { status = "Completed" })).EnsureSuccessStatusCode();
    }

    public static Task<HttpResponseMessage> PostPhotoAsync(HttpClient client, string path, byte[] bytes, string fileName = "photo.png", string contentType = "image/png", string? caption = null) =>
        client.PostAsync(path, PhotoForm(bytes, fileName, contentType, caption));

    /// <summary>The multipart form of a photo upload (field "photo", optional "caption").</summary>
    public static MultipartFormDataContent PhotoForm(byte[] bytes, string fileName = "photo.png", string contentType = "image/png", string? caption = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "photo", fileName);
        if (caption is not null) form.Add(new StringContent(caption), "caption");
        return form;
    }

    public async Task<EstimateDto> CreateEstimateAsync(string? propertyId = null, string? ticketId = null, DateTimeOffset? validUntil = null, string title = "New controller")
    {
        var response = await Dispatcher.PostAsJsonAsync("/api/v1/estimates", new
        {
            customerId = Customer.Id,
            propertyId,
            ticketId,
            title,
            currency = "eur",
            validUntil = validUntil ?? DateTimeOffset.UtcNow.AddDays(30),
            lines = new[] { new { description = "Controller", quantity = 1m, unitAmount = 24990L }, new { description = "Labour (hours)", quantity = 1.5m, unitAmount = 4500L } },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<EstimateDto>(ApiJson.Options))!;
    }

    public async Task<InvoiceDto> IssueInvoiceAsync(string? propertyId = null, string title = "Spring start-up")
    {
        var response = await Dispatcher.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId = Customer.Id,
            propertyId,
            title,
            currency = "EUR",
            dueDate = "2026-12-31",
            lines = new[] { new { description = "Start-up visit", quantity = 1m, unitAmount = 8000L } },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InvoiceDto>(ApiJson.Options))!;
    }
}
