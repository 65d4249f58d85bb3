using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>New jobs reach a technician at once, emergencies first; freed time is refilled from the tray.</summary>
public sealed class AutoAssignmentTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ANewJob_IsAssignedAtOnce_ToTheTechnicianWithTheSkill()
    {
        var day = await CreateAsync(app);
        var gardener = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var electrician = await day.AddTechnicianAsync("Eva Electrician", ["electrical"], Boavista);

        var job = await day.AddJobAsync("Pump panel trips", Campanha, ["electrical"], window: (1, 3));

        var assigned = await day.WaitForTicketAsync(job.Id, t => t.Status == "Assigned", "dispatch assigns the job");
        Assert.Equal(electrician, assigned.TechnicianId);
        Assert.Contains(assigned.Audit, a => a.Actor == "dispatch" && a.To == "Assigned");
        var board = await day.BoardAsync();
        Assert.Equal([job.Id], board.Technicians.Single(t => t.Id == electrician).Stops.Select(s => s.Job.TicketId));
        Assert.Empty(board.Technicians.Single(t => t.Id == gardener).Stops);
        Assert.Empty(board.Unassigned);
    }

    [Fact]
    public async Task AJobNobodyCanDo_StaysInTheTray_AndAnUnassignedEmergencyRaisesAnAlert()
    {
        var day = await CreateAsync(app);
        await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);

        var job = await day.AddJobAsync("Gas leak", Gaia, ["gas"], window: (0, 1), priority: "Emergency");

        await Eventually.TrueAsync(async () => (await day.BoardAsync()).Alerts.Any(a => a.TicketId == job.Id), "the emergency raises an alert");
        var board = await day.BoardAsync();
        Assert.Equal([job.Id], board.Unassigned.Select(j => j.TicketId));
        Assert.Contains("Emergency", board.Alerts.Single(a => a.TicketId == job.Id).Message);
        Assert.Null((await day.TicketAsync(job.Id)).TechnicianId);
    }

    [Fact]
    public async Task AnEmergency_PushesRoutineWorkBackToTheTray_WhenTheDayHasNoRoomForBoth()
    {
        var day = await CreateAsync(app);
        var tech = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        // Ten hours of routine work that must start within the hour fills the day.
        var routine = await day.AddJobAsync("Replant the whole garden", Campanha, minutes: 600, window: (0, 1));
        await day.WaitForTicketAsync(routine.Id, t => t.TechnicianId == tech, "the routine job is assigned");

        var emergency = await day.AddJobAsync("Burst main", Boavista, minutes: 120, window: (0, 1.5), priority: "Emergency");

        await day.WaitForTicketAsync(emergency.Id, t => t.TechnicianId == tech, "the emergency is assigned");
        var displaced = await day.WaitForTicketAsync(routine.Id, t => t.TechnicianId is null, "the routine job is displaced");
        Assert.Equal("Scheduled", displaced.Status);
        Assert.Equal([routine.Id], (await day.BoardAsync()).Unassigned.Select(j => j.TicketId));
    }

    [Fact]
    public async Task ACancellation_FreesTime_ThatTheTrayFillsAtOnce()
    {
        var day = await CreateAsync(app);
        var tech = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var first = await day.AddJobAsync("Long repair", Campanha, minutes: 600, window: (0, 1));
        await day.WaitForTicketAsync(first.Id, t => t.TechnicianId == tech, "the first job is assigned");
        var second = await day.AddJobAsync("Another long repair", Boavista, minutes: 600, window: (0, 1));
        await Eventually.TrueAsync(async () => (await day.BoardAsync()).Unassigned.Any(j => j.TicketId == second.Id), "the second job waits in the tray");

        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{first.Id}/status", new { status = "Cancelled", reason = "customer cancelled" })).EnsureSuccessStatusCode();

        await day.WaitForTicketAsync(second.Id, t => t.TechnicianId == tech, "the waiting job takes the freed time");
    }

    [Fact]
    public async Task WithAutoAssignOff_NewJobsWaitForADispatcher()
    {
        var day = await CreateAsync(app, autoAssign: false);
        await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var job = await day.AddJobAsync("Check valves", Campanha, window: (1, 2));

        await Eventually.TrueAsync(async () => (await day.BoardAsync()).Unassigned.Any(j => j.TicketId == job.Id), "the job shows in the tray");
        Assert.Null((await day.TicketAsync(job.Id)).TechnicianId);
        Assert.False((await day.BoardAsync()).Settings.AutoAssign);
    }

    [Fact]
    public async Task BadSettings_AreRefusedWithAProblem()
    {
        var day = await CreateAsync(app);
        var response = await day.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/settings", new { timeZone = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("timeZone", await response.Content.ReadAsStringAsync());
    }
}
