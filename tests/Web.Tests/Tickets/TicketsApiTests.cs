using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.Tests.Tickets;

public sealed class TicketsApiTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _app;

    public TicketsApiTests(PortalFactory app) => _app = app;

    private static object NewTicket(CustomerSite site, string[]? skills = null) => new
    {
        customerId = site.CustomerId,
        propertyId = site.PropertyId,
        location = new { latitude = 41.16, longitude = -8.62 },
        address = "Rua de Santa Catarina 1, Porto",
        description = "Sprinkler zone 3 does not turn on",
        requiredSkills = skills ?? ["irrigation"],
        estimatedMinutes = 60,
        priority = "High",
    };

    private static object NewTicketPreferring(CustomerSite site, string preferredTechnicianId) => new
    {
        customerId = site.CustomerId,
        propertyId = site.PropertyId,
        location = new { latitude = 41.16, longitude = -8.62 },
        address = "Rua de Santa Catarina 1, Porto",
        requiredSkills = new[] { "irrigation" },
        estimatedMinutes = 60,
        preferredTechnicianId,
    };

    private static async Task<TicketDto> CreateAsync(TenantScenario company, string[]? skills = null)
    {
        var response = await company.Dispatcher.PostAsJsonAsync("/api/v1/tickets", NewTicket(await company.SiteAsync(), skills));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketDto>())!;
    }

    private static Task<HttpResponseMessage> MoveAsync(TenantScenario company, string id, object change) =>
        company.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{id}/status", change);

    [Fact]
    public async Task AJobsWholeDay_IsRecordedInItsAuditTrail()
    {
        var company = await TenantScenario.CreateWithManualDispatchAsync(_app);
        var tech = await company.AddTechnicianAsync();
        var ticket = await CreateAsync(company);
        var window = new { start = DateTimeOffset.UtcNow.AddHours(1), end = DateTimeOffset.UtcNow.AddHours(3) };

        foreach (var change in new object[]
        {
            new { status = "Scheduled", arrivalWindow = window },
            new { status = "Assigned", technicianId = tech.Id },
            new { status = "EnRoute" },
            new { status = "OnHold", reason = "customer asked to wait" },
            new { status = "EnRoute" },
            new { status = "OnSite" },
            new { status = "Completed" },
        })
        {
            (await MoveAsync(company, ticket.Id, change)).EnsureSuccessStatusCode();
        }

        var done = await company.Dispatcher.GetFromJsonAsync<TicketDto>($"/api/v1/tickets/{ticket.Id}");
        Assert.Equal("Completed", done!.Status);
        Assert.Equal(["New", "Scheduled", "Assigned", "EnRoute", "OnHold", "EnRoute", "OnSite", "Completed"], done.Audit.Select(a => a.To));
        Assert.All(done.Audit, a => Assert.Equal(company.Email, a.Actor));
        Assert.Equal("customer asked to wait", done.Audit.Single(a => a.To == "OnHold").Reason);
    }

    [Fact]
    public async Task InvalidTransition_IsRefusedWithAClearMessage_AndChangesNothing()
    {
        var company = await TenantScenario.CreateWithManualDispatchAsync(_app);
        var ticket = await CreateAsync(company);

        var skip = await MoveAsync(company, ticket.Id, new { status = "Completed" });
        var holdWithoutReason = await MoveAsync(company, ticket.Id, new { status = "OnHold" });

        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Contains("cannot become Completed", await skip.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, holdWithoutReason.StatusCode);
        Assert.Contains("needs a reason", await holdWithoutReason.Content.ReadAsStringAsync());
        var unchanged = await company.Dispatcher.GetFromJsonAsync<TicketDto>($"/api/v1/tickets/{ticket.Id}");
        Assert.Equal("New", unchanged!.Status);
        Assert.Single(unchanged.Audit);
    }

    [Fact]
    public async Task AssigningATechnicianWithoutTheSkill_IsRefused()
    {
        var company = await TenantScenario.CreateWithManualDispatchAsync(_app);
        var tech = await company.AddTechnicianAsync(); // skills: irrigation
        var ticket = await CreateAsync(company, skills: ["backflow"]);

        var response = await MoveAsync(company, ticket.Id, new { status = "Assigned", technicianId = tech.Id });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("does not have: backflow", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TicketsAndTechniciansOfAnotherCompany_AreInvisible()
    {
        var a = await TenantScenario.CreateWithManualDispatchAsync(_app, "A");
        var b = await TenantScenario.CreateWithManualDispatchAsync(_app, "B");
        var theirTicket = await CreateAsync(b);
        var theirTech = await b.AddTechnicianAsync();
        var ourTicket = await CreateAsync(a);

        Assert.Equal(HttpStatusCode.NotFound, (await a.Dispatcher.GetAsync($"/api/v1/tickets/{theirTicket.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(a, theirTicket.Id, new { status = "Cancelled", reason = "mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(a, ourTicket.Id, new { status = "Assigned", technicianId = theirTech.Id })).StatusCode);
    }

    [Fact]
    public async Task BadTicket_GetsAValidationProblemPerField()
    {
        var company = await TenantScenario.CreateWithManualDispatchAsync(_app);

        var response = await company.Dispatcher.PostAsJsonAsync("/api/v1/tickets", new { customerId = "", propertyId = "p", address = "x", estimatedMinutes = -5, priority = "Whenever" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "customerId", "location", "estimatedMinutes", "priority" }) Assert.Contains(field, body);
    }

    [Fact]
    public async Task TicketWithAPreferredTechnician_KeepsAndShowsThem()
    {
        var company = await TenantScenario.CreateWithManualDispatchAsync(_app);
        var tech = await company.AddTechnicianAsync();

        var response = await company.Dispatcher.PostAsJsonAsync("/api/v1/tickets", NewTicketPreferring(await company.SiteAsync(), tech.Id));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(tech.Id, (await response.Content.ReadFromJsonAsync<TicketDto>())!.PreferredTechnicianId);
        var stored = await company.Dispatcher.GetFromJsonAsync<TicketDto>(response.Headers.Location);
        Assert.Equal(tech.Id, stored!.PreferredTechnicianId);
    }

    [Fact]
    public async Task PreferredTechnicianWhoIsNotTheCompanys_IsAValidationProblem()
    {
        var a = await TenantScenario.CreateWithManualDispatchAsync(_app, "A");
        var b = await TenantScenario.CreateWithManualDispatchAsync(_app, "B");
        var theirTech = await b.AddTechnicianAsync();
        var ours = await a.SiteAsync();

        var unknown = await a.Dispatcher.PostAsJsonAsync("/api/v1/tickets", NewTicketPreferring(ours, "0123456789abcdef0123456789abcdef"));
        var theirs = await a.Dispatcher.PostAsJsonAsync("/api/v1/tickets", NewTicketPreferring(ours, theirTech.Id));
        var malformed = await a.Dispatcher.PostAsJsonAsync("/api/v1/tickets", NewTicketPreferring(ours, "Tomás"));

        foreach (var response in new[] { unknown, theirs, malformed })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("preferredTechnicianId", await response.Content.ReadAsStringAsync());
        }
        Assert.Contains("is not a technician of this company", await unknown.Content.ReadAsStringAsync());
        Assert.Contains("is not a technician of this company", await theirs.Content.ReadAsStringAsync());
    }
}
