using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>A dispatcher drags jobs: what works is pinned, what cannot work is refused with the reason and changes nothing.</summary>
public sealed class ManualAssignmentTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static Task<HttpResponseMessage> AssignAsync(DispatchScenario day, string ticketId, string technicianId, DateTimeOffset? at = null) =>
        day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/assignments", new { ticketId, technicianId, at });

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        return problem!.Detail!;
    }

    private async Task<(DispatchScenario Day, string Tech, string Job)> OneJobInTheTrayAsync(string[]? skills = null, (double, double)? window = null)
    {
        var day = await CreateAsync(app, autoAssign: false);
        var tech = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var job = await day.AddJobAsync("Check valves", Campanha, skills, window: window ?? (1, 3));
        await Eventually.TrueAsync(async () => (await day.BoardAsync()).Unassigned.Any(j => j.TicketId == job.Id), "the job is in the tray");
        return (day, tech, job.Id);
    }

    [Fact]
    public async Task AJobDroppedOnATechnician_IsAssignedAndPinned()
    {
        var (day, tech, job) = await OneJobInTheTrayAsync();

        var response = await AssignAsync(day, job, tech);

        response.EnsureSuccessStatusCode();
        var board = (await response.Content.ReadFromJsonAsync<DayBoard>(ApiJson.Options))!;
        var stop = board.Technicians.Single(t => t.Id == tech).Stops.Single();
        Assert.Equal(job, stop.Job.TicketId);
        Assert.True(stop.Job.Pinned);
        Assert.Empty(board.Unassigned);
        var ticket = await day.TicketAsync(job);
        Assert.Equal(("Assigned", tech, true), (ticket.Status, ticket.TechnicianId, ticket.Pinned));
        Assert.Contains(ticket.Audit, a => a.Reason == "assigned on the board" && a.Actor == day.Company.Email);
    }

    [Fact]
    public async Task ATechnicianWithoutTheSkill_IsRefused_AndTheJobStaysInTheTray()
    {
        var (day, tech, job) = await OneJobInTheTrayAsync(skills: ["backflow"]);

        var reason = await RefusalAsync(await AssignAsync(day, job, tech));

        Assert.Contains("lacks backflow", reason);
        Assert.Null((await day.TicketAsync(job)).TechnicianId);
        Assert.Single((await day.BoardAsync()).Unassigned);
    }

    [Fact]
    public async Task AWindowTheTechnicianCannotReach_IsRefused_WithTheArrivalTime()
    {
        var day = await CreateAsync(app, autoAssign: false);
        var tech = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var busy = await day.AddJobAsync("Long job first", Boavista, minutes: 240, window: (0, 1));
        (await AssignAsync(day, busy.Id, tech)).EnsureSuccessStatusCode();
        var soon = await day.AddJobAsync("Needs someone within the hour", Campanha, window: (0.1, 1));
        await Eventually.TrueAsync(async () => (await day.BoardAsync()).Unassigned.Any(j => j.TicketId == soon.Id), "the job is in the tray");

        // Dropped after the four-hour job: the technician cannot be there before the window closes.
        var reason = await RefusalAsync(await AssignAsync(day, soon.Id, tech, DateTimeOffset.UtcNow.AddHours(3)));

        Assert.Contains("after the job's window ends", reason);
        Assert.Null((await day.TicketAsync(soon.Id)).TechnicianId);
    }

    [Fact]
    public async Task UnknownJobsAndTechnicians_Are404_AndBadInputIs400()
    {
        var (day, tech, job) = await OneJobInTheTrayAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await AssignAsync(day, new string('a', 32), tech)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AssignAsync(day, job, new string('b', 32))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AssignAsync(day, "../../etc", tech)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/assignments", new { })).StatusCode); // no ids at all
        Assert.Equal(HttpStatusCode.BadRequest, (await day.Dispatcher.GetAsync("/api/v1/dispatch/board?day=tomorrow")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/assignments", new { ticketId = job, technicianId = tech, day = "21/11/2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/optimize", new { budgetSeconds = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/optimize", new { budgetSeconds = 3600 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await day.Dispatcher.DeleteAsync($"/api/v1/dispatch/assignments/{job}")).StatusCode); // not assigned
        Assert.Null((await day.TicketAsync(job)).TechnicianId);
    }

    [Fact]
    public async Task AnotherCompany_CannotSeeOrAssignTheJobs()
    {
        var (day, tech, job) = await OneJobInTheTrayAsync();
        var other = await CreateAsync(app, name: "Other Co");
        var otherTech = await other.AddTechnicianAsync("Olga Other", ["irrigation"], Ribeira);

        Assert.Equal(HttpStatusCode.NotFound, (await AssignAsync(other, job, otherTech)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AssignAsync(other, job, tech)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AssignAsync(day, job, otherTech)).StatusCode);
        var board = await other.BoardAsync();
        Assert.Empty(board.Unassigned);
        Assert.Equal([otherTech], board.Technicians.Select(t => t.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.GetAsync($"/api/v1/dispatch/routes/{tech}")).StatusCode);
    }

    [Fact]
    public async Task UnassigningAJob_PutsItBackInTheTray_Unpinned()
    {
        var (day, tech, job) = await OneJobInTheTrayAsync();
        (await AssignAsync(day, job, tech)).EnsureSuccessStatusCode();

        var response = await day.Dispatcher.DeleteAsync($"/api/v1/dispatch/assignments/{job}");

        response.EnsureSuccessStatusCode();
        var ticket = await day.TicketAsync(job);
        Assert.Equal(("Scheduled", null, false), (ticket.Status, ticket.TechnicianId, ticket.Pinned));
        var board = await day.BoardAsync();
        Assert.True(board.Unassigned.Select(j => j.TicketId).SequenceEqual([job]), System.Text.Json.JsonSerializer.Serialize(board));
    }
}
