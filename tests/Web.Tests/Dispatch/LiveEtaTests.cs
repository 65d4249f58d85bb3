using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Streams;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>Positions move ETAs: a move of more than two minutes goes out on "ticket-eta", and a missed window raises a late-risk alert.</summary>
public sealed class LiveEtaTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private async Task PingAsync(string token, (double Latitude, double Longitude) at, DateTimeOffset time)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await client.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time, lat = at.Latitude, lon = at.Longitude } } })).EnsureSuccessStatusCode();
    }

    private async Task<ConcurrentQueue<TicketEta>> WatchEtaAsync(string tenantId, string ticketId)
    {
        var received = new ConcurrentQueue<TicketEta>();
        var stream = app.Services.GetRequiredService<IClusterClient>().GetStreamProvider(DispatchStreams.ProviderName)
            .GetStream<TicketEta>(DispatchStreams.EtaFor(tenantId, ticketId));
        await stream.SubscribeAsync((eta, _) =>
        {
            received.Enqueue(eta);
            return Task.CompletedTask;
        });
        return received;
    }

    [Fact]
    public async Task AnEtaMovesWithTheTechnician_AndGoesOutOnTheTicketsStream()
    {
        var day = await CreateAsync(app);
        var tech = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var token = (await day.Company.IssueTokenAsync(tech)).Token;
        var job = await day.AddJobAsync("Lawn survey", Matosinhos, window: (0, 4));
        var etas = await WatchEtaAsync(day.Company.TenantId, job.Id);
        await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == tech, "the job is assigned");
        await Eventually.TrueAsync(() => Task.FromResult(!etas.IsEmpty), "the first ETA is published");
        var first = etas.Last();
        Assert.InRange(first.Eta, DateTimeOffset.UtcNow.AddMinutes(15), DateTimeOffset.UtcNow.AddMinutes(40)); // ~9 km across Porto

        await PingAsync(token, (41.1830, -8.6900), DateTimeOffset.UtcNow); // 700 m from the job

        await Eventually.TrueAsync(() => Task.FromResult(etas.Last().Eta < first.Eta.AddMinutes(-10)), "a much earlier ETA is published");
        var route = await day.Dispatcher.GetFromJsonAsync<RouteView>($"/api/v1/dispatch/routes/{tech}", ApiJson.Options);
        Assert.Equal(job.Id, route!.Estimates.Single().TicketId);
        Assert.InRange(route.Estimates.Single().Eta, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5));
        var board = await day.BoardAsync();
        Assert.NotNull(board.Technicians.Single(t => t.Id == tech).Stops.Single().Eta);
    }

    [Fact]
    public async Task SmallMoves_AreNotPublished()
    {
        var day = await CreateAsync(app);
        var tech = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var token = (await day.Company.IssueTokenAsync(tech)).Token;
        var job = await day.AddJobAsync("Lawn survey", Matosinhos, window: (0, 4));
        var etas = await WatchEtaAsync(day.Company.TenantId, job.Id);
        await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == tech, "the job is assigned");
        // The plan's own ETA first: counted while still on its way (a loaded machine), it would look like the small move's.
        await Eventually.TrueAsync(() => Task.FromResult(!etas.IsEmpty), "the first ETA is published");
        await PingAsync(token, Ribeira, DateTimeOffset.UtcNow.AddSeconds(-30));
        await Eventually.TrueAsync(async () => (await day.Dispatcher.GetFromJsonAsync<RouteView>($"/api/v1/dispatch/routes/{tech}", ApiJson.Options))!.Position is not null, "the route hears the position");
        var published = etas.Count;

        await PingAsync(token, (41.1410, -8.6120), DateTimeOffset.UtcNow); // 100 m on: seconds of difference

        await Eventually.TrueAsync(async () => (await day.Dispatcher.GetFromJsonAsync<RouteView>($"/api/v1/dispatch/routes/{tech}", ApiJson.Options))!.Position!.Value.Latitude == 41.1410, "the route hears the small move");
        Assert.Equal(published, etas.Count);
    }

    [Fact]
    public async Task StuckOnTheWay_TheEtaSlipsBeyondTheModelsDrive_WithTheAppsOwnTravelTimes()
    {
        var day = await CreateAsync(app);
        var tech = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var token = (await day.Company.IssueTokenAsync(tech)).Token;
        var job = await day.AddJobAsync("Lawn survey", Matosinhos, window: (0, 4));
        await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == tech, "the job is assigned");
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job.Id}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => (await RouteAsync(day, tech)).Plan.Stops[0].Status == Grains.Tickets.TicketStatus.EnRoute, "the route knows the job is under way");
        var etas = await WatchEtaAsync(day.Company.TenantId, job.Id);

        // The phone reports late, in one go, six minutes spent in a jam by the river: fixes stamped when they were taken.
        var now = DateTimeOffset.UtcNow;
        await PingAsync(token, Ribeira, now.AddMinutes(-6));
        var first = await RouteAsync(day, tech);
        await Eventually.TrueAsync(async () => (first = await RouteAsync(day, tech)).PositionAt == now.AddMinutes(-6), "the route hears the first fix");
        // The model's drive from there (the day's start too), nothing measured yet.
        var modelledDrive = first.Estimates[0].Eta - first.ComputedAt;
        for (var minutes = -4.5; minutes <= 0; minutes += 1.5) await PingAsync(token, (Ribeira.Latitude + 0.00003, Ribeira.Longitude), now.AddMinutes(minutes));

        var stuck = first;
        await Eventually.TrueAsync(async () => (stuck = await RouteAsync(day, tech)).Estimates[0].Eta - stuck.ComputedAt > modelledDrive + TimeSpan.FromMinutes(4), "the jam shows in the ETA");
        Assert.InRange((stuck.Estimates[0].Eta - stuck.ComputedAt - modelledDrive).TotalMinutes, 4, 6.5);
        await Eventually.TrueAsync(() => Task.FromResult(etas.Any(e => e.Eta - e.ComputedAt > modelledDrive + TimeSpan.FromMinutes(4))), "and goes out to the customer");
    }

    private static async Task<RouteView> RouteAsync(DispatchScenario day, string tech) =>
        (await day.Dispatcher.GetFromJsonAsync<RouteView>($"/api/v1/dispatch/routes/{tech}", ApiJson.Options))!;

    [Fact]
    public async Task ATechnicianDriftingAway_RaisesALateRiskAlert()
    {
        var day = await CreateAsync(app);
        var tech = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var token = (await day.Company.IssueTokenAsync(tech)).Token;
        await PingAsync(token, Ribeira, DateTimeOffset.UtcNow.AddMinutes(-10));
        var job = await day.AddJobAsync("Urgent valve", Campanha, window: (0, 0.25)); // 15 minutes, 2 km away
        await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == tech, "the job is assigned");
        Assert.DoesNotContain(await day.Dispatcher.GetFromJsonAsync<List<DispatchAlert>>("/api/v1/dispatch/alerts", ApiJson.Options) ?? [], a => a.TicketId == job.Id);

        await PingAsync(token, Matosinhos, DateTimeOffset.UtcNow); // now 10 km the wrong way

        List<DispatchAlert> alerts = [];
        await Eventually.TrueAsync(async () => (alerts = (await day.Dispatcher.GetFromJsonAsync<List<DispatchAlert>>("/api/v1/dispatch/alerts", ApiJson.Options))!).Any(a => a.TicketId == job.Id), "a late-risk alert");
        var alert = alerts.Single(a => a.TicketId == job.Id);
        Assert.Equal(AlertKind.LateRisk, alert.Kind);
        Assert.Contains("Gil Gardener is expected at", alert.Message);
        Assert.Contains(alert, (await day.BoardAsync()).Alerts);
        // What it is about, and its times as instants for a page to print in the company's zone.
        Assert.Equal((tech, "Gil Gardener", "Urgent valve street", (DateOnly?)(await day.BoardAsync()).Day), (alert.TechnicianId, alert.TechnicianName, alert.Address, alert.Day));
        Assert.Equal(job.ArrivalWindow, alert.Window);
        Assert.True(alert.Eta > alert.Window!.End, "the ETA is past the window's end");
        Assert.Equal(Math.Round((alert.Eta!.Value - alert.Window.End).TotalMinutes, 1), alert.MinutesLate!.Value, 0.2);
    }
}

/// <summary>A technician with work today whose phone stays silent raises "no signal"; a ping clears it.</summary>
public sealed class NoSignalTests
{
    [Fact]
    public async Task ASilentTechnicianWithWorkToday_RaisesNoSignal_UntilAPingArrives()
    {
        using var app = new PortalFactory();
        app.Settings["Dispatch:AlertCheckInterval"] = "00:00:00.300";
        app.Settings["Dispatch:NoSignalAfter"] = "00:01:00";
        var day = await DispatchScenario.CreateAsync(app);
        var tech = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], DispatchScenario.Ribeira);
        var job = await day.AddJobAsync("Lawn survey", DispatchScenario.Campanha, window: (0, 4));
        await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == tech, "the job is assigned");

        List<DispatchAlert> alerts = [];
        await Eventually.TrueAsync(async () => (alerts = (await day.Dispatcher.GetFromJsonAsync<List<DispatchAlert>>("/api/v1/dispatch/alerts", ApiJson.Options))!).Any(a => a.Kind == AlertKind.NoSignal), "a no-signal alert");
        // The company's day (and the technician's shift) began at 00:00 there, and the phone never reported.
        var noSignal = alerts.Single(a => a.Kind == AlertKind.NoSignal);
        Assert.Equal("No signal from Gil Gardener since the shift began at 00:00 (no position yet).", noSignal.Message);
        Assert.Equal((tech, "Gil Gardener", (DateTimeOffset?)null), (noSignal.TechnicianId, noSignal.TechnicianName, noSignal.LastSeenAt));
        var midnight = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(day.TimeZone)).Date;
        Assert.Equal(new DateTimeOffset(midnight, TimeZoneInfo.FindSystemTimeZoneById(day.TimeZone).GetUtcOffset(midnight)), noSignal.SilentSince);

        var phone = app.CreateClient();
        phone.DefaultRequestHeaders.Authorization = new("Bearer", (await day.Company.IssueTokenAsync(tech)).Token);
        (await phone.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time = DateTimeOffset.UtcNow, lat = 41.1405, lon = -8.6110 } } })).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(async () => !(await day.Dispatcher.GetFromJsonAsync<List<DispatchAlert>>("/api/v1/dispatch/alerts", ApiJson.Options))!.Any(a => a.Kind == AlertKind.NoSignal), "the alert clears");
    }
}
