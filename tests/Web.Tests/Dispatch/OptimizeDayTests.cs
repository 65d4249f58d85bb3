using System.Net.Http.Json;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>"Optimize the day" fixes a poor plan, keeps pinned jobs, and does not reshuffle a plan that is already good.</summary>
public sealed class OptimizeDayTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    /// <summary>Two technicians, each given the jobs next to the other one's home: the worst plan there is.</summary>
    private Task<(DispatchScenario Day, string North, string South, string[] NorthJobs, string[] SouthJobs)> CrosswisePlanAsync() => CrosswisePlanAsync(app);

    internal static async Task<(DispatchScenario Day, string North, string South, string[] NorthJobs, string[] SouthJobs)> CrosswisePlanAsync(PortalFactory app)
    {
        var day = await CreateAsync(app, autoAssign: false);
        var north = await day.AddTechnicianAsync("Nuno North", ["irrigation"], Matosinhos);
        var south = await day.AddTechnicianAsync("Sara South", ["irrigation"], Gaia);
        string[] northJobs = [(await day.AddJobAsync("North 1", (41.1850, -8.6950), window: (0.5, 8))).Id, (await day.AddJobAsync("North 2", (41.1800, -8.6900), window: (0.5, 8))).Id];
        string[] southJobs = [(await day.AddJobAsync("South 1", (41.1250, -8.6100), window: (0.5, 8))).Id, (await day.AddJobAsync("South 2", (41.1200, -8.6150), window: (0.5, 8))).Id];
        foreach (var id in northJobs) await AssignUnpinnedAsync(day, id, south);
        foreach (var id in southJobs) await AssignUnpinnedAsync(day, id, north);
        await Eventually.TrueAsync(async () => (await day.BoardAsync()).Technicians.All(t => t.Stops.Count == 2), "both routes hold two jobs");
        return (day, north, south, northJobs, southJobs);
    }

    private static async Task AssignUnpinnedAsync(DispatchScenario day, string ticketId, string technicianId) =>
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/status", new { status = "Assigned", technicianId })).EnsureSuccessStatusCode();

    private static async Task<OptimizationReport> OptimizeAsync(DispatchScenario day)
    {
        var response = await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/optimize", new { budgetSeconds = 0.5 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<OptimizationReport>(ApiJson.Options))!;
    }

    [Fact]
    public async Task APoorPlan_IsReplaced_WithLessDriving()
    {
        var (day, north, south, northJobs, southJobs) = await CrosswisePlanAsync();

        var report = await OptimizeAsync(day);

        Assert.True(report.Adopted, report.Message);
        Assert.Equal(4, report.Moved);
        Assert.True(report.After.Kilometers < report.Before.Kilometers - 10, $"{report.Before.Kilometers} km -> {report.After.Kilometers} km");
        foreach (var id in northJobs) Assert.Equal(north, (await day.TicketAsync(id)).TechnicianId);
        foreach (var id in southJobs) Assert.Equal(south, (await day.TicketAsync(id)).TechnicianId);
        Assert.Equal(report.After.Kilometers, (await day.BoardAsync()).Summary.Kilometers);
    }

    [Fact]
    public async Task AGoodPlan_IsKept_RatherThanReshuffledForNothing()
    {
        var (day, _, _, _, _) = await CrosswisePlanAsync();
        Assert.True((await OptimizeAsync(day)).Adopted);

        var again = await OptimizeAsync(day);

        Assert.False(again.Adopted, again.Message);
        Assert.Equal(0, again.Moved);
        Assert.Equal(again.Before, again.After);
    }

    [Fact]
    public async Task APinnedJob_StaysWithItsTechnician()
    {
        var (day, _, south, northJobs, _) = await CrosswisePlanAsync();
        (await day.Dispatcher.PutAsJsonAsync($"/api/v1/tickets/{northJobs[0]}/pin", new { pinned = true })).EnsureSuccessStatusCode();

        var report = await OptimizeAsync(day);

        Assert.True(report.Adopted, report.Message);
        Assert.Equal(south, (await day.TicketAsync(northJobs[0])).TechnicianId); // pinned where the dispatcher put it
        Assert.True(report.After.Kilometers < report.Before.Kilometers, $"{report.Before.Kilometers} km -> {report.After.Kilometers} km");
    }

    [Fact]
    public async Task AJobUnderWay_IsNeverMoved()
    {
        var (day, north, south, northJobs, _) = await CrosswisePlanAsync();
        (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{northJobs[1]}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => (await day.BoardAsync()).Technicians.Single(t => t.Id == south).Stops[0].Job.Status == Grains.Tickets.TicketStatus.EnRoute, "the job under way leads its route");

        await OptimizeAsync(day);

        var ticket = await day.TicketAsync(northJobs[1]);
        Assert.Equal(("EnRoute", south), (ticket.Status, ticket.TechnicianId));
        Assert.Equal(northJobs[1], (await day.BoardAsync()).Technicians.Single(t => t.Id == south).Stops[0].Job.TicketId);
    }
}
