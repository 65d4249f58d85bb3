using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Portal;

/// <summary>
/// Who may follow which appointment, and when a technician's position reaches a customer: only the customer's own
/// jobs, and the position only while the technician is on the way to that job, never before or after.
/// </summary>
public sealed class AppointmentPrivacyTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    /// <summary>Pings dated minutes apart (each one earlier than the next), so the jump filter sees a plausible drive.</summary>
    private int _minutesAgo = 30; // per test: xunit makes a new instance for each

    private async Task PingAsync(PortalFactory app, string token, double lat, double lon)
    {
        var time = DateTimeOffset.UtcNow.AddMinutes(-Interlocked.Add(ref _minutesAgo, -3));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await client.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time, lat, lon } } })).EnsureSuccessStatusCode();
    }

    private static Task MoveAsync(PortalJobsScenario portal, string ticketId, string status) =>
        portal.Day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/status", new { status }).ContinueWith(t => t.Result.EnsureSuccessStatusCode());

    private static bool Received(List<(string Target, JsonElement Arguments)> all, string target) => all.Any(i => i.Target == target);

    [Fact]
    public async Task ThePosition_ReachesTheCustomerOnlyWhileTheTechnicianIsOnTheWay()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);
        var token = (await portal.Day.Company.IssueTokenAsync(portal.TechnicianId)).Token;
        var job = await portal.RequestEmergencyAsync();
        await Eventually.TrueAsync(async () => (await portal.JobAsync(job.Id)).Status == "Assigned", "the job is assigned");
        await using var page = await SignalRTestClient.ConnectAsync(app, "/hubs/appointments", portal.OwnerCookie);
        var current = await page.InvokeAsync("Watch", job.Id);
        Assert.Equal("Assigned", current.GetProperty("status").GetString());

        // Assigned, not yet on the way: pings are not the customer's business.
        await PingAsync(app, token, 41.1410, -8.6115);
        await Task.Delay(Quiet);
        Assert.False(Received(page.Drain(), "TechnicianPosition"));

        await MoveAsync(portal, job.Id, "EnRoute");
        Assert.Equal("EnRoute", (await page.NextAsync("Status", TimeSpan.FromSeconds(10))).GetProperty("status").GetString());
        await PingAsync(app, token, 41.1430, -8.6100);
        var position = await page.NextAsync("TechnicianPosition", TimeSpan.FromSeconds(10));
        Assert.Equal(41.1430, position.GetProperty("lat").GetDouble(), 6);

        await MoveAsync(portal, job.Id, "OnSite");
        await page.NextAsync("TechnicianHidden", TimeSpan.FromSeconds(10));
        page.Drain();
        await PingAsync(app, token, 41.1440, -8.6090);
        await Task.Delay(Quiet);
        Assert.False(Received(page.Drain(), "TechnicianPosition"));
    }

    [Fact]
    public async Task AnotherCustomer_CannotFollowTheJob_NorSeeItsTechnician()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);
        var token = (await portal.Day.Company.IssueTokenAsync(portal.TechnicianId)).Token;
        var job = await portal.RequestEmergencyAsync();
        var (_, _, neighbour) = await PortalJobsScenario.AddCustomerAsync(portal.Day, "Jones household");
        await Eventually.TrueAsync(async () => (await portal.JobAsync(job.Id)).Status == "Assigned", "the job is assigned");
        await MoveAsync(portal, job.Id, "EnRoute");

        await using var snoop = await SignalRTestClient.ConnectAsync(app, "/hubs/appointments", PortalJobsScenario.CookieOf(neighbour));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => snoop.InvokeAsync("Watch", job.Id));
        Assert.Contains("Not found", refused.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => snoop.InvokeAsync("Watch", new string('0', 32)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => snoop.InvokeAsync("Watch", "../" + job.Id));
        await PingAsync(app, token, 41.1430, -8.6100);
        await Task.Delay(Quiet);
        Assert.Empty(snoop.Drain());

        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/portal/jobs/{job.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/v1/portal/jobs/{job.Id}/cancel", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/v1/portal/jobs/{job.Id}/reschedule", new { windowStart = DateTimeOffset.UtcNow })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/portal/booking/windows?propertyId={portal.Property.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync("/api/v1/portal/service-requests", new { propertyId = portal.Property.Id, description = "x", emergency = true })).StatusCode);
        Assert.Empty((await neighbour.GetFromJsonAsync<JsonElement[]>("/api/v1/portal/jobs"))!);
        Assert.Equal("EnRoute", (await portal.Day.TicketAsync(job.Id)).Status); // nothing the neighbour did changed it
    }

    [Fact]
    public async Task AnotherCompanysCustomer_AndDispatchers_AreKeptOut()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);
        var job = await portal.RequestEmergencyAsync();
        var other = await PortalJobsScenario.CreateAsync(app, "Other Co");

        await using var foreign = await SignalRTestClient.ConnectAsync(app, "/hubs/appointments", other.OwnerCookie);
        await Assert.ThrowsAsync<InvalidOperationException>(() => foreign.InvokeAsync("Watch", job.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Owner.GetAsync($"/api/v1/portal/jobs/{job.Id}")).StatusCode);

        // A dispatcher's cookie is not a customer's: the customer endpoints and hub do not accept it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Day.Dispatcher.GetAsync("/api/v1/portal/jobs")).StatusCode);
        var negotiate = app.CreateClient();
        negotiate.DefaultRequestHeaders.Add("Cookie", portal.Day.Company.Cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await negotiate.PostAsync("/hubs/appointments/negotiate?negotiateVersion=1", null)).StatusCode);
        // And a customer's cookie is not a dispatcher's.
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Owner.GetAsync("/api/v1/dispatch/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Owner.PostAsJsonAsync("/api/v1/dispatch/optimize", new { })).StatusCode);
    }

    [Fact]
    public async Task APropertyManager_SeesOnlyJobsAtTheSitesGrantedToThem()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);
        var office = await portal.Customer.AddPropertyAsync("Office");
        var managerId = (await portal.Customer.AddContactAsync($"{Guid.NewGuid():N}@example.test", "PropertyManager", office.Id)).Id;
        var manager = await portal.Customer.SignInAsync(managerId);
        var homeJob = await portal.RequestEmergencyAsync("at the home");
        var officeJob = await portal.Owner.PostAsJsonAsync("/api/v1/portal/service-requests", new { propertyId = office.Id, description = "at the office", emergency = true });
        officeJob.EnsureSuccessStatusCode();

        var seen = await manager.GetFromJsonAsync<JsonElement[]>("/api/v1/portal/jobs");

        Assert.Equal(["at the office"], seen!.Select(j => j.GetProperty("description").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/portal/jobs/{homeJob.Id}")).StatusCode);
        await using var hub = await SignalRTestClient.ConnectAsync(app, "/hubs/appointments", PortalJobsScenario.CookieOf(manager));
        await Assert.ThrowsAsync<InvalidOperationException>(() => hub.InvokeAsync("Watch", homeJob.Id));
        Assert.Equal(2, (await portal.Owner.GetFromJsonAsync<JsonElement[]>("/api/v1/portal/jobs"))!.Length);
    }
}
