using System.Net.Http.Json;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>Dispatch on PostgreSQL across a restart: the day's routes, their order and the routes' plans come back as they were.</summary>
public sealed class PostgresDispatchTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private PortalFactory App() => _database.App();

    private static Dictionary<string, string[]> Routes(Grains.Dispatch.DayBoard board) =>
        board.Technicians.ToDictionary(t => t.Id, t => t.Stops.Select(s => s.Job.TicketId).ToArray());

    [Fact]
    public async Task TheDaysPlan_SurvivesARestart()
    {
        string email, zone, gil;
        Dictionary<string, string[]> before;
        using (var app = App())
        {
            var day = await CreateAsync(app);
            (email, zone) = (day.Company.Email, day.TimeZone);
            gil = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
            await day.AddTechnicianAsync("Nuno North", ["irrigation"], Matosinhos);
            foreach (var (name, at) in new[] { ("Campanha job", Campanha), ("Boavista job", Boavista), ("Gaia job", Gaia), ("North job", (41.1850, -8.6950)) })
            {
                var job = await day.AddJobAsync(name, at, window: (0.5, 8));
                await day.WaitForTicketAsync(job.Id, t => t.TechnicianId is not null, $"{name} is assigned");
            }
            (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/optimize", new { budgetSeconds = 0.5 })).EnsureSuccessStatusCode();
            before = Routes(await day.BoardAsync());
            Assert.Equal(4, before.Values.Sum(r => r.Length));
        }

        using var restarted = App();
        var again = Resume(await TenantScenario.SignInAsync(restarted, email), zone);

        Assert.Equal(before, Routes(await again.BoardAsync()));
        var route = await again.Dispatcher.GetFromJsonAsync<RouteView>($"/api/v1/dispatch/routes/{gil}", ApiJson.Options);
        Assert.Equal(before[gil], route!.Plan.Stops.Select(s => s.TicketId));
    }

    [Fact]
    public async Task AnAppliedPlan_AndItsUndo_SurviveARestart()
    {
        string email, zone, north, south;
        string[] northJobs, southJobs;
        Dictionary<string, string[]> crosswise, applied;
        AppliedPlan plan;
        using (var app = App())
        {
            DispatchScenario day;
            (day, north, south, northJobs, southJobs) = await OptimizeDayTests.CrosswisePlanAsync(app);
            (email, zone) = (day.Company.Email, day.TimeZone);
            crosswise = Routes(await day.BoardAsync());
            plan = await PlanProposalTests.AppliedAsync(day, (await PlanProposalTests.ProposeAsync(day)).Id);
            applied = Routes(await day.BoardAsync());
        }

        using var restarted = App();
        var again = Resume(await TenantScenario.SignInAsync(restarted, email), zone);

        // The plan is what the restarted dispatch holds, and so is the record that undoes it.
        Assert.Equal(applied, Routes(await again.BoardAsync()));
        Assert.Equal(plan, await again.Dispatcher.GetFromJsonAsync<AppliedPlan>("/api/v1/dispatch/plans/last", ApiJson.Options));
        var undone = await PlanProposalTests.UndoAsync(again);
        Assert.Equal(4, undone.Restored);
        foreach (var id in northJobs) Assert.Equal(south, (await again.TicketAsync(id)).TechnicianId);
        foreach (var id in southJobs) Assert.Equal(north, (await again.TicketAsync(id)).TechnicianId);
        Assert.Equal(crosswise, Routes(await again.BoardAsync()));
    }
}
