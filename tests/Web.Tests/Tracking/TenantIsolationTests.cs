using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Technicians;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Tracking;

/// <summary>A dispatcher of company A never sees or touches company B's technicians, by HTTP or by hub.</summary>
public sealed class TenantIsolationTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _app;

    public TenantIsolationTests(PortalFactory app) => _app = app;

    [Fact]
    public async Task DispatcherOfA_CannotReadOrChangeBsTechnicians()
    {
        var a = await TenantScenario.CreateAsync(_app, "A");
        var b = await TenantScenario.CreateAsync(_app, "B");
        var theirs = await b.AddTechnicianAsync("Bea");
        await a.AddTechnicianAsync("Ana");

        var listed = await a.Dispatcher.GetFromJsonAsync<TechnicianDto[]>("/api/v1/technicians", ApiJson.Options);
        Assert.Equal(["Ana"], listed!.Select(t => t.Name));

        Assert.Equal(HttpStatusCode.NotFound, (await a.Dispatcher.GetAsync($"/api/v1/technicians/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Dispatcher.GetAsync($"/api/v1/technicians/{theirs.Id}/track")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Dispatcher.PostAsJsonAsync($"/api/v1/technicians/{theirs.Id}/devices", new { label = "stolen" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Dispatcher.PutAsJsonAsync($"/api/v1/technicians/{theirs.Id}/status", new { status = "OffDuty" })).StatusCode);
        Assert.Empty((await b.GetTechnicianAsync(theirs.Id)).Devices);
    }

    [Fact]
    public async Task WithoutSigningIn_TheApiAnswers401()
    {
        var response = await _app.CreateClient().GetAsync("/api/v1/technicians");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task LiveMapHub_SendsEachDispatcherOnlyTheirOwnCompany()
    {
        var a = await TenantScenario.CreateAsync(_app, "A");
        var b = await TenantScenario.CreateAsync(_app, "B");
        var ana = await a.AddTechnicianAsync("Ana");
        var bea = await b.AddTechnicianAsync("Bea");
        var anaToken = await a.IssueTokenAsync(ana.Id);
        var beaToken = await b.IssueTokenAsync(bea.Id);
        await using var hubA = await SignalRTestClient.ConnectAsync(_app, "/hubs/live-map", a.Cookie);

        var snapshot = await hubA.NextAsync("Snapshot", TimeSpan.FromSeconds(10));
        Assert.Equal(["Ana"], snapshot.EnumerateArray().Select(t => t.GetProperty("name").GetString()));

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await _app.CreateClient().GetAsync($"/gps/osmand?id={beaToken.Token}&lat=41.20&lon=-8.60&timestamp={now}");
        await _app.CreateClient().GetAsync($"/gps/osmand?id={anaToken.Token}&lat=41.15&lon=-8.61&timestamp={now}");

        var positions = await hubA.NextAsync("Positions", TimeSpan.FromSeconds(10));
        Assert.Equal([ana.Id], positions.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        await Task.Delay(200); // longer than the batch window: anything of B's would have arrived by now
        Assert.DoesNotContain(hubA.Drain(), m => m.Arguments.ToString().Contains(bea.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LiveMapHub_RefusesAConnectionWithoutSignIn()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => SignalRTestClient.ConnectAsync(_app, "/hubs/live-map", cookie: null));
    }
}
