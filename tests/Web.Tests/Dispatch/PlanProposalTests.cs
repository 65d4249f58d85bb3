using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>
/// "Optimize the day" proposes before it changes anything: the dispatcher sees who gains and loses which job, then
/// applies or discards; a change made meanwhile that a move depends on refuses the proposal; the last plan can be undone.
/// </summary>
public sealed class PlanProposalTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    internal static async Task<PlanProposal> ProposeAsync(DispatchScenario day)
    {
        var response = await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/proposals", new { budgetSeconds = 0.5 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var proposal = (await response.Content.ReadFromJsonAsync<PlanProposal>(ApiJson.Options))!;
        Assert.Equal($"/api/v1/dispatch/proposals/{proposal.Id}", response.Headers.Location?.OriginalString);
        return proposal;
    }

    internal static Task<HttpResponseMessage> ApplyAsync(DispatchScenario day, string proposalId) =>
        day.Dispatcher.PostAsync($"/api/v1/dispatch/proposals/{proposalId}/apply", null);

    internal static async Task<AppliedPlan> AppliedAsync(DispatchScenario day, string proposalId)
    {
        var response = await ApplyAsync(day, proposalId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AppliedPlan>(ApiJson.Options))!;
    }

    internal static async Task<UndoReport> UndoAsync(DispatchScenario day)
    {
        var response = await day.Dispatcher.PostAsync("/api/v1/dispatch/plans/last/undo", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UndoReport>(ApiJson.Options))!;
    }

    internal static Dictionary<string, string[]> Routes(DayBoard board) =>
        board.Technicians.Where(t => t.Stops.Count > 0).ToDictionary(t => t.Id, t => t.Stops.Select(s => s.Job.TicketId).ToArray());

    private static async Task<JsonElement> ConflictAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task AProposal_ShowsWhoGainsAndLosesWhichJob_AndChangesNothing()
    {
        var (day, north, south, northJobs, southJobs) = await OptimizeDayTests.CrosswisePlanAsync(app);
        var board = await day.BoardAsync();

        var proposal = await ProposeAsync(day);

        Assert.True(proposal.Recommended, proposal.Message);
        Assert.Equal(board.Version, proposal.BaseVersion);
        Assert.True(proposal.After.Kilometers < proposal.Before.Kilometers - 10, $"{proposal.Before.Kilometers} km -> {proposal.After.Kilometers} km");
        Assert.Equal(
            northJobs.Select(id => (id, (string?)south, (string?)north)).Concat(southJobs.Select(id => (id, (string?)north, (string?)south))).Order(),
            proposal.Moves.Select(m => (m.TicketId, m.FromTechnicianId, m.ToTechnicianId)).Order());
        var nuno = proposal.Technicians.Single(t => t.TechnicianId == north);
        Assert.Equal(northJobs.Order(), nuno.Gained.Select(m => m.TicketId).Order());
        Assert.Equal(southJobs.Order(), nuno.Lost.Select(m => m.TicketId).Order());
        Assert.Contains(nuno.Gained, m => m.Title == "North 1");
        Assert.Equal(northJobs.Order(), nuno.Stops.Select(s => s.TicketId).Order());
        Assert.All(nuno.Stops, s => Assert.True(s.Gained));
        Assert.True(nuno.Changed);
        Assert.True(nuno.After.Kilometers < nuno.Before.Kilometers, $"{nuno.Before.Kilometers} km -> {nuno.After.Kilometers} km");
        Assert.Equal((2, 2), (nuno.Before.Jobs, nuno.After.Jobs));
        Assert.Equal(proposal.After.Kilometers, Math.Round(proposal.Technicians.Sum(t => t.After.Kilometers), 1), 1);

        // Nothing moved: the tickets, the routes and the board's version are as they were.
        foreach (var id in northJobs) Assert.Equal(south, (await day.TicketAsync(id)).TechnicianId);
        foreach (var id in southJobs) Assert.Equal(north, (await day.TicketAsync(id)).TechnicianId);
        var after = await day.BoardAsync();
        Assert.Equal(Routes(board), Routes(after));
        Assert.Equal(board.Version, after.Version);
        var again = (await day.Dispatcher.GetFromJsonAsync<PlanProposal>($"/api/v1/dispatch/proposals/{proposal.Id}", ApiJson.Options))!;
        Assert.False(again.Stale);
        Assert.Equal(proposal.Moves, again.Moves);

        // Another company cannot see it.
        var other = await TenantScenario.CreateAsync(app, "Other Irrigation");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.GetAsync($"/api/v1/dispatch/proposals/{proposal.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.PostAsync($"/api/v1/dispatch/proposals/{proposal.Id}/apply", null)).StatusCode);
    }

    [Fact]
    public async Task ApplyingAProposal_MovesItsJobs_AndItIsGoneAfterwards()
    {
        var (day, north, south, northJobs, southJobs) = await OptimizeDayTests.CrosswisePlanAsync(app);
        var proposal = await ProposeAsync(day);

        var applied = await AppliedAsync(day, proposal.Id);

        Assert.Equal((proposal.Id, 4, day.Company.Email), (applied.PlanId, applied.Moved, applied.AppliedBy));
        foreach (var id in northJobs) Assert.Equal(north, (await day.TicketAsync(id)).TechnicianId);
        foreach (var id in southJobs) Assert.Equal(south, (await day.TicketAsync(id)).TechnicianId);
        Assert.Contains((await day.TicketAsync(northJobs[0])).Audit, a => a.Actor == day.Company.Email && a.Reason == "applied an optimized plan");
        var board = await day.BoardAsync();
        Assert.Equal(proposal.Technicians.Where(t => t.Stops.Count > 0).ToDictionary(t => t.TechnicianId, t => t.Stops.Select(s => s.TicketId).ToArray()), Routes(board));
        Assert.Equal(applied.After.Kilometers, board.Summary.Kilometers);
        Assert.True(applied.After.Kilometers < applied.Before.Kilometers - 10, $"{applied.Before.Kilometers} km -> {applied.After.Kilometers} km");
        Assert.NotEqual(proposal.BaseVersion, board.Version);

        Assert.Equal(HttpStatusCode.NotFound, (await day.Dispatcher.GetAsync($"/api/v1/dispatch/proposals/{proposal.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApplyAsync(day, proposal.Id)).StatusCode);
        Assert.Equal(proposal.Id, (await day.Dispatcher.GetFromJsonAsync<AppliedPlan>("/api/v1/dispatch/plans/last", ApiJson.Options))!.PlanId);
    }

    [Fact]
    public async Task ADiscardedProposal_CannotBeApplied_AndNothingMoved()
    {
        var (day, _, south, northJobs, _) = await OptimizeDayTests.CrosswisePlanAsync(app);
        var proposal = await ProposeAsync(day);

        var discarded = await day.Dispatcher.PostAsync($"/api/v1/dispatch/proposals/{proposal.Id}/discard", null);

        Assert.Equal(HttpStatusCode.NoContent, discarded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await day.Dispatcher.GetAsync($"/api/v1/dispatch/proposals/{proposal.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApplyAsync(day, proposal.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await day.Dispatcher.PostAsync($"/api/v1/dispatch/proposals/{proposal.Id}/discard", null)).StatusCode);
        foreach (var id in northJobs) Assert.Equal(south, (await day.TicketAsync(id)).TechnicianId);
        Assert.Equal(HttpStatusCode.NotFound, (await day.Dispatcher.GetAsync("/api/v1/dispatch/plans/last")).StatusCode);
    }

    [Fact]
    public async Task AJobReassignedByHand_AfterTheProposal_RefusesIt_AndNothingMoves()
    {
        var (day, north, south, northJobs, southJobs) = await OptimizeDayTests.CrosswisePlanAsync(app);
        var proposal = await ProposeAsync(day);
        var rita = await day.AddTechnicianAsync("Rita Ribeira", ["irrigation"], Ribeira);
        (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/assignments", new { ticketId = northJobs[0], technicianId = rita })).EnsureSuccessStatusCode();

        var problem = await ConflictAsync(await ApplyAsync(day, proposal.Id));

        var conflict = Assert.Single(problem.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(northJobs[0], conflict.GetProperty("ticketId").GetString());
        Assert.Contains("Rita Ribeira", conflict.GetProperty("reason").GetString());
        Assert.Contains("North 1", problem.GetProperty("detail").GetString());
        Assert.Equal(rita, (await day.TicketAsync(northJobs[0])).TechnicianId);
        Assert.Equal(south, (await day.TicketAsync(northJobs[1])).TechnicianId);
        foreach (var id in southJobs) Assert.Equal(north, (await day.TicketAsync(id)).TechnicianId);
        // It stays, to be discarded (or applied once the change is undone), and reports the board moved on.
        Assert.True((await day.Dispatcher.GetFromJsonAsync<PlanProposal>($"/api/v1/dispatch/proposals/{proposal.Id}", ApiJson.Options))!.Stale);
    }

    [Fact]
    public async Task AJobMovedByHand_WhereTheProposalPutsIt_DoesNotStopIt()
    {
        var (day, north, _, northJobs, _) = await OptimizeDayTests.CrosswisePlanAsync(app);
        var proposal = await ProposeAsync(day);
        (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/assignments", new { ticketId = northJobs[0], technicianId = north })).EnsureSuccessStatusCode();

        var applied = await AppliedAsync(day, proposal.Id);

        Assert.Equal(3, applied.Moved); // the fourth was already there
        foreach (var id in northJobs) Assert.Equal(north, (await day.TicketAsync(id)).TechnicianId);
    }

    [Fact]
    public async Task AJobStartedAfterTheProposal_RefusesIt()
    {
        var (day, _, south, northJobs, _) = await OptimizeDayTests.CrosswisePlanAsync(app);
        var proposal = await ProposeAsync(day);
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{northJobs[1]}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();

        var problem = await ConflictAsync(await ApplyAsync(day, proposal.Id));

        var conflict = Assert.Single(problem.GetProperty("conflicts").EnumerateArray());
        Assert.Equal((northJobs[1], "\"North 2\" has started."), (conflict.GetProperty("ticketId").GetString(), conflict.GetProperty("reason").GetString()));
        Assert.Equal(south, (await day.TicketAsync(northJobs[0])).TechnicianId);
    }

    [Fact]
    public async Task AJobAddedAfterTheProposal_DoesNotStopIt_AndStaysWithItsTechnician()
    {
        var (day, north, _, northJobs, _) = await OptimizeDayTests.CrosswisePlanAsync(app);
        var proposal = await ProposeAsync(day);
        var late = await day.AddJobAsync("Late call in Gaia", Gaia, window: (0.5, 8));
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{late.Id}/status", new { status = "Assigned", technicianId = north })).EnsureSuccessStatusCode();

        var applied = await AppliedAsync(day, proposal.Id);

        Assert.Equal(4, applied.Moved);
        Assert.Equal(north, (await day.TicketAsync(late.Id)).TechnicianId);
        Assert.Equal(north, (await day.TicketAsync(northJobs[0])).TechnicianId);
        Assert.Contains(late.Id, Routes(await day.BoardAsync())[north]);
    }

    [Fact]
    public async Task UndoingTheAppliedPlan_GivesTheJobsBack_InTheirFormerOrder()
    {
        var (day, north, south, northJobs, southJobs) = await OptimizeDayTests.CrosswisePlanAsync(app);
        var before = Routes(await day.BoardAsync());
        await AppliedAsync(day, (await ProposeAsync(day)).Id);

        var undone = await UndoAsync(day);

        Assert.Equal((4, 0), (undone.Restored, undone.Kept.Count));
        foreach (var id in northJobs) Assert.Equal(south, (await day.TicketAsync(id)).TechnicianId);
        foreach (var id in southJobs) Assert.Equal(north, (await day.TicketAsync(id)).TechnicianId);
        Assert.Equal(before, Routes(await day.BoardAsync()));
        Assert.Contains((await day.TicketAsync(southJobs[0])).Audit, a => a.Actor == day.Company.Email && a.Reason == "undid an optimized plan");
        // One level of undo: the plan is no longer there to undo again.
        Assert.Equal(HttpStatusCode.NotFound, (await day.Dispatcher.GetAsync("/api/v1/dispatch/plans/last")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await day.Dispatcher.PostAsync("/api/v1/dispatch/plans/last/undo", null)).StatusCode);
    }

    [Fact]
    public async Task Undo_LeavesAJobStartedSinceThePlan_WithTheTechnicianDoingIt()
    {
        var (day, north, south, northJobs, southJobs) = await OptimizeDayTests.CrosswisePlanAsync(app);
        await AppliedAsync(day, (await ProposeAsync(day)).Id);
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{northJobs[1]}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();

        var undone = await UndoAsync(day);

        Assert.Equal(3, undone.Restored);
        var kept = Assert.Single(undone.Kept);
        Assert.Equal((northJobs[1], north, "It is under way with Nuno North."), (kept.TicketId, kept.TechnicianId, kept.Reason));
        var started = await day.TicketAsync(northJobs[1]);
        Assert.Equal(("EnRoute", north), (started.Status, started.TechnicianId));
        Assert.Equal(south, (await day.TicketAsync(northJobs[0])).TechnicianId);
        foreach (var id in southJobs) Assert.Equal(north, (await day.TicketAsync(id)).TechnicianId);
        Assert.Equal(northJobs[1], Routes(await day.BoardAsync())[north][0]); // the job under way leads its route
    }

    [Fact]
    public async Task TheSearchForAProposal_ReportsProgressToTheDispatchersMap()
    {
        var (day, _, _, _, _) = await OptimizeDayTests.CrosswisePlanAsync(app);
        await using var hub = await SignalRTestClient.ConnectAsync(app, "/hubs/live-map", day.Company.Cookie);
        await hub.NextAsync("Snapshot", TimeSpan.FromSeconds(10));

        var proposing = day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/proposals", new { budgetSeconds = 3 });
        var progress = await hub.NextAsync("OptimizeProgress", TimeSpan.FromSeconds(20));

        Assert.InRange(progress.GetProperty("fraction").GetDouble(), 0, 1);
        Assert.Equal(HttpStatusCode.Created, (await proposing).StatusCode);
        Assert.Equal((await day.BoardAsync()).Day.ToString("yyyy-MM-dd"), progress.GetProperty("day").GetString());
    }
}
