using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tickets;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>
/// A technician's phone reads today's route and moves its own jobs, and nobody else's, with its device token.
/// Sign-in allows 10 attempts a minute per address, so the class signs in at most seven companies.
/// </summary>
public sealed class DeviceJobsTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static Task<HttpResponseMessage> MoveAsync(HttpClient device, string ticketId, object? status, string? note = null) =>
        device.PostAsJsonAsync($"/api/v1/device/jobs/{ticketId}/status", new { status, note });

    /// <summary>A technician with a token and one job that dispatch has put on their route today.</summary>
    private async Task<(DispatchScenario Day, string Technician, HttpClient Device, TicketDto Job)> AssignedJobAsync()
    {
        var day = await CreateAsync(app);
        var technician = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var device = day.Device((await day.Company.IssueTokenAsync(technician)).Token);
        var job = await day.AddJobAsync("Fix the pump", Campanha, window: (1, 2));
        await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == technician && t.Status == "Assigned", "dispatch assigns the job");
        await Eventually.TrueAsync(async () => (await JobsAsync(device)).Count == 1, "the job is on the technician's route");
        return (day, technician, device, job);
    }

    [Fact]
    public async Task TodaysJobs_ComeInRouteOrder_WithLiveEtas()
    {
        var day = await CreateAsync(app);
        var technician = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var device = day.Device((await day.Company.IssueTokenAsync(technician)).Token);
        var afternoon = await day.AddJobAsync("Check valves", Boavista, minutes: 30, window: (3, 4));
        var morning = await day.AddJobAsync("Fix the pump", Campanha, minutes: 45, window: (1, 2), priority: "High");
        foreach (var job in new[] { afternoon, morning })
            await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == technician, "dispatch assigns " + job.Description);

        await Eventually.TrueAsync(async () => (await JobsAsync(device)).Count == 2, "both jobs are on the route");
        var jobs = await JobsAsync(device);

        Assert.Equal([morning.Id, afternoon.Id], jobs.Select(j => j.TicketId)); // the window decides the order, not creation
        var first = jobs[0];
        Assert.Equal(("Fix the pump", "Fix the pump street", "Assigned", "High", 45.0), (first.Description, first.Address, first.Status, first.Priority, first.EstimatedMinutes));
        Assert.Equal(Campanha.Latitude, first.Location.Latitude);
        Assert.Equal(morning.ArrivalWindow, first.ArrivalWindow);
        Assert.Equal(["EnRoute"], first.AllowedStatuses);
        Assert.All(jobs, j =>
        {
            Assert.NotNull(j.Eta);
            Assert.True(j.Eta <= j.ArrivalWindow!.End, "on time, so the ETA falls before the window closes");
            Assert.Equal(0, j.MinutesLate);
        });
        Assert.True(jobs[1].Eta > jobs[0].Eta);
    }

    [Fact]
    public async Task OtherTechniciansAndCompanies_NeitherSeeNorMoveTheJob_AndWithoutARouteSeeAnEmptyList()
    {
        var (day, _, _, job) = await AssignedJobAsync();
        var colleague = await day.AddTechnicianAsync("Eva Electrician", ["electrical"], Boavista);
        var colleagueDevice = day.Device((await day.Company.IssueTokenAsync(colleague)).Token);
        var rival = await CreateAsync(app, name: "Rival Gardens");
        var rivalDevice = rival.Device((await rival.Company.IssueTokenAsync(await rival.AddTechnicianAsync("Rui Rival", ["irrigation"], Ribeira))).Token);

        foreach (var outsider in new[] { colleagueDevice, rivalDevice })
        {
            Assert.Empty(await JobsAsync(outsider)); // neither has a route today
            Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(outsider, job.Id, "EnRoute")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(outsider, job.Id, "Completed")).StatusCode);
            var checkIn = await outsider.PostAsJsonAsync("/api/v1/device/check-in", new { ticketId = job.Id, latitude = Campanha.Latitude, longitude = Campanha.Longitude });
            Assert.Equal(HttpStatusCode.NotFound, checkIn.StatusCode);
        }

        Assert.Equal("Assigned", (await day.TicketAsync(job.Id)).Status);
    }

    [Fact]
    public async Task AnyStatusButEnRouteOrCompleted_OrAMalformedRequest_IsABadRequest()
    {
        var (day, _, device, job) = await AssignedJobAsync();

        foreach (var status in new object?[] { "OnSite", "Cancelled", "Assigned", "3", "", null, new { nested = true } })
        {
            var response = await MoveAsync(device, job.Id, status);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await MoveAsync(device, job.Id, "EnRoute", new string('x', DeviceJobsApi.MaxNoteLength + 1))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await device.PostAsync($"/api/v1/device/jobs/{job.Id}/status", new StringContent("{", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(device, "not-a-ticket", "EnRoute")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(device, Guid.NewGuid().ToString("N"), "EnRoute")).StatusCode);
        Assert.Equal("Assigned", (await day.TicketAsync(job.Id)).Status);
    }

    [Fact]
    public async Task AStepTheLifecycleDoesNotAllow_IsAConflictThatSaysWhatIsAllowed()
    {
        var (day, _, device, job) = await AssignedJobAsync();

        var response = await MoveAsync(device, job.Id, "Completed");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("cannot become Completed", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("Assigned", (await day.TicketAsync(job.Id)).Status);
    }

    [Fact]
    public async Task TheTechnicianWalksTheirJob_OnTheWay_ArrivedWithAReasonWhenFar_Done()
    {
        var (day, technician, device, job) = await AssignedJobAsync();

        (await MoveAsync(device, job.Id, "enroute")).EnsureSuccessStatusCode();
        Assert.Equal(["OnSite"], (await JobsAsync(device)).Single().AllowedStatuses);
        // A body without the job's id names no job (it once threw inside the id check and answered 500).
        Assert.Equal(HttpStatusCode.NotFound, (await device.PostAsJsonAsync("/api/v1/device/check-in", new { latitude = Campanha.Latitude, longitude = Campanha.Longitude })).StatusCode);
        var far = await device.PostAsJsonAsync("/api/v1/device/check-in", new { ticketId = job.Id, latitude = Campanha.Latitude + 0.01, longitude = Campanha.Longitude });
        using (var problem = JsonDocument.Parse(await far.Content.ReadAsStringAsync()))
        {
            Assert.Equal(HttpStatusCode.Conflict, far.StatusCode);
            Assert.True(problem.RootElement.GetProperty("reasonRequired").GetBoolean());
        }
        (await device.PostAsJsonAsync("/api/v1/device/check-in", new { ticketId = job.Id, latitude = Campanha.Latitude + 0.01, longitude = Campanha.Longitude, reason = "parked round the corner" }))
            .EnsureSuccessStatusCode();
        (await MoveAsync(device, job.Id, "Completed", "replaced the seal")).EnsureSuccessStatusCode();

        var done = await day.TicketAsync(job.Id);
        Assert.Equal("Completed", done.Status);
        Assert.Equal(["EnRoute", "OnSite", "Completed"], done.Audit.TakeLast(3).Select(a => a.To));
        Assert.All(done.Audit.TakeLast(3), a => Assert.Equal($"technician:{technician}", a.Actor));
        Assert.Equal(["parked round the corner", "replaced the seal"], done.Audit.TakeLast(2).Select(a => a.Reason));
        Assert.Empty(await JobsAsync(device)); // finished work leaves the list
    }

    [Fact]
    public async Task OnMyWay_Arrived_Done_MoveTheTechniciansStatus_OnTheDispatchersApi_AndTheirLiveMap()
    {
        var (day, technician, device, job) = await AssignedJobAsync();
        (await day.Dispatcher.PutAsJsonAsync($"/api/v1/technicians/{technician}/status", new { status = "Available" })).EnsureSuccessStatusCode();
        (await device.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time = DateTimeOffset.UtcNow, lat = Ribeira.Latitude, lon = Ribeira.Longitude } } }))
            .EnsureSuccessStatusCode(); // on the map
        await using var map = await SignalRTestClient.ConnectAsync(app, "/hubs/live-map", day.Company.Cookie);
        await map.NextAsync("Snapshot", TimeSpan.FromSeconds(10));

        (await MoveAsync(device, job.Id, "EnRoute")).EnsureSuccessStatusCode();
        await AssertStatusAsync(day, technician, map, "EnRoute");

        (await device.PostAsJsonAsync("/api/v1/device/check-in", new { ticketId = job.Id, latitude = Campanha.Latitude, longitude = Campanha.Longitude })).EnsureSuccessStatusCode();
        await AssertStatusAsync(day, technician, map, "OnSite");

        (await MoveAsync(device, job.Id, "Completed")).EnsureSuccessStatusCode();
        await AssertStatusAsync(day, technician, map, "Available"); // on shift (all day in this company), and nobody set another status

        // A dashboard opened now starts from the roster, which has the status too.
        await using var later = await SignalRTestClient.ConnectAsync(app, "/hubs/live-map", day.Company.Cookie);
        var snapshot = await later.NextAsync("Snapshot", TimeSpan.FromSeconds(10));
        Assert.Equal("Available", snapshot.EnumerateArray().Single(t => t.GetProperty("id").GetString() == technician).GetProperty("status").GetString());
    }

    /// <summary>
    /// The dispatchers' API has the status at once; the live map gets it pushed with the technician's position. Messages
    /// still in flight with the status before are skipped; without the new one, none comes and the wait ends in a timeout.
    /// </summary>
    private static async Task AssertStatusAsync(DispatchScenario day, string technician, SignalRTestClient map, string status)
    {
        Assert.Equal(status, (await day.Company.GetTechnicianAsync(technician)).Status);
        string? shown;
        do
        {
            var positions = (await map.NextAsync("Positions", TimeSpan.FromSeconds(10))).EnumerateArray();
            shown = positions.Where(p => p.GetProperty("id").GetString() == technician).Select(p => p.GetProperty("status").GetString()).LastOrDefault();
        }
        while (shown != status);
    }

    [Fact]
    public async Task ARevokedOrMissingToken_IsUnauthorized()
    {
        var day = await CreateAsync(app);
        var technician = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var issued = await day.Company.IssueTokenAsync(technician);
        var job = await day.AddJobAsync("Fix the pump", Campanha, window: (1, 2));
        await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == technician, "dispatch assigns the job");
        (await day.Dispatcher.DeleteAsync($"/api/v1/technicians/{technician}/devices/{issued.DeviceId}")).EnsureSuccessStatusCode();

        foreach (var device in new[] { day.Device(issued.Token), app.CreateClient() })
        {
            var list = await device.GetAsync("/api/v1/device/jobs");
            var move = await MoveAsync(device, job.Id, "EnRoute");
            Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
            Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.Unauthorized, move.StatusCode);
        }
        Assert.Equal("Assigned", (await day.TicketAsync(job.Id)).Status);
    }
}
