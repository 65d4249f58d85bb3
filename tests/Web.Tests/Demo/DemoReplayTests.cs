using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Web.Demo;
using OrleansPortal.Web.Technicians;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Demo;

/// <summary>The demo's technicians drive now: their positions and tracks have fixes from the last minutes, not from yesterday.</summary>
public sealed class DemoReplayTests
{
    [Fact]
    public async Task ADemoTechnicianOnTheMove_HasARecentPosition_AndFixesInTheLastHoursTrack()
    {
        using var app = new PortalFactory();
        app.Settings[DemoServices.EnabledSetting] = "true";
        var started = DateTimeOffset.UtcNow;
        app.StartOnLoopback(); // the replay posts to the app's own http address, as a tracking app would
        var company = app.Services.GetRequiredService<IClusterClient>().GetGrain<ICompanyGrain>(DemoCompany.TenantId);
        await Eventually.TrueAsync(async () => await company.GetAsync() is not null, "the demo company exists", seconds: 60);
        var dispatcher = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = app.ClientOptions.BaseAddress });
        (await dispatcher.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoCompany.DispatcherEmail, password = DemoCompany.DispatcherPassword })).EnsureSuccessStatusCode();

        TechnicianDto? moving = null;
        await Eventually.TrueAsync(async () =>
        {
            var technicians = await dispatcher.GetFromJsonAsync<TechnicianDto[]>("/api/v1/technicians", ApiJson.Options);
            moving = technicians!.FirstOrDefault(t => t.Position is not null);
            return moving is not null;
        }, "a demo technician has a position", seconds: 60);

        Assert.InRange(moving!.Position!.Time, started, DateTimeOffset.UtcNow); // sent during this test, stamped as it was sent
        using var track = JsonDocument.Parse(await dispatcher.GetStringAsync($"/api/v1/technicians/{moving.Id}/track")); // the last hour
        var times = track.RootElement.GetProperty("features")[0].GetProperty("properties").GetProperty("times").EnumerateArray().Select(t => t.GetDateTimeOffset()).ToList();
        Assert.Contains(moving.Position.Time, times);
    }
}
