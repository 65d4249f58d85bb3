using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.Tests.Tickets;

public sealed class GeofenceTests : IClassFixture<PortalFactory>
{
    private const double SiteLat = 41.1600, SiteLon = -8.6200;
    private readonly PortalFactory _app;

    public GeofenceTests(PortalFactory app) => _app = app;

    private async Task<(TenantScenario Company, string TechId, string Token, string TicketId)> EnRouteJobAsync()
    {
        var company = await TenantScenario.CreateWithManualDispatchAsync(_app);
        var tech = await company.AddTechnicianAsync();
        var token = (await company.IssueTokenAsync(tech.Id)).Token;
        var site = await company.SiteAsync();
        var created = await company.Dispatcher.PostAsJsonAsync("/api/v1/tickets", new
        {
            customerId = site.CustomerId, propertyId = site.PropertyId, location = new { latitude = SiteLat, longitude = SiteLon }, address = "Rua X",
            requiredSkills = new[] { "irrigation" }, estimatedMinutes = 45,
        });
        var ticket = (await created.Content.ReadFromJsonAsync<TicketDto>())!;
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/status", new { status = "Assigned", technicianId = tech.Id })).EnsureSuccessStatusCode();
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();
        return (company, tech.Id, token, ticket.Id);
    }

    private Task PingAsync(string token, DateTimeOffset at, double metersNorth) =>
        _app.CreateClient().GetAsync($"/gps/osmand?id={token}&timestamp={at.ToUnixTimeSeconds()}&lat={SiteLat + metersNorth / 111_195:F6}&lon={SiteLon}");

    private static async Task<TicketDto> TicketAsync(TenantScenario company, string id) =>
        (await company.Dispatcher.GetFromJsonAsync<TicketDto>($"/api/v1/tickets/{id}"))!;

    [Fact]
    public async Task StayingAtTheSite_PutsTheJobOnSite_AndLeavingCompletesIt()
    {
        var (company, _, token, ticketId) = await EnRouteJobAsync();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);

        await PingAsync(token, t0, 1000);                    // a kilometre away
        await PingAsync(token, t0.AddSeconds(60), 40);       // arrives
        await PingAsync(token, t0.AddSeconds(90), 20);
        Assert.Equal("EnRoute", (await TicketAsync(company, ticketId)).Status); // not a minute yet
        await PingAsync(token, t0.AddSeconds(125), 10);
        var onSite = await TicketAsync(company, ticketId);
        await PingAsync(token, t0.AddSeconds(300), 400);     // drives off
        await PingAsync(token, t0.AddSeconds(370), 900);

        Assert.Equal("OnSite", onSite.Status);
        Assert.Equal("geofence", onSite.Audit[^1].Actor);
        var done = await TicketAsync(company, ticketId);
        Assert.Equal("Completed", done.Status);
        Assert.StartsWith("departed", done.Audit[^1].Reason);
    }

    [Fact]
    public async Task ManualCheckInFarFromTheJob_IsRefusedWithoutAReason_AndKeptWithOne()
    {
        var (company, _, token, ticketId) = await EnRouteJobAsync();
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var refused = await client.PostAsJsonAsync("/api/v1/device/check-in", new { ticketId, latitude = SiteLat + 0.01, longitude = SiteLon });
        var accepted = await client.PostAsJsonAsync("/api/v1/device/check-in", new { ticketId, latitude = SiteLat + 0.01, longitude = SiteLon, reason = "gate is on the other street" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("within 500 m", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var ticket = await TicketAsync(company, ticketId);
        Assert.Equal("OnSite", ticket.Status);
        Assert.Equal("gate is on the other street", ticket.Audit[^1].Reason);
    }

    [Fact]
    public async Task CheckInToSomeoneElsesJob_IsNotFound()
    {
        var (company, _, _, ticketId) = await EnRouteJobAsync();
        var other = await company.AddTechnicianAsync("Other");
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await company.IssueTokenAsync(other.Id)).Token);

        var response = await client.PostAsJsonAsync("/api/v1/device/check-in", new { ticketId, latitude = SiteLat, longitude = SiteLon });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
