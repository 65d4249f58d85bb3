using System.Net.Http.Json;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>
/// The soft constraints a dispatcher notices: the customer's preferred technician is sent when it costs little, and
/// the day's work is spread over the technicians on shift rather than heaped on whoever drives least.
/// </summary>
public sealed class PreferredTechnicianTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    // Half a kilometre north of Ribeira: the preferred technician drives about a kilometre more to a job at Ribeira than
    // a technician living there, little enough for the preference to win, enough for driving alone to pick the other one.
    private static readonly (double Latitude, double Longitude) NearRibeira = (41.1450, -8.6110);

    [Fact]
    public async Task OptimizingTheDay_SendsTheCustomersPreferredTechnician_WhenTheyCanDoTheJob()
    {
        var day = await CreateAsync(app, autoAssign: false);
        await day.AddTechnicianAsync("Ana Nearest", ["irrigation"], Ribeira);
        var preferred = await day.AddTechnicianAsync("Bruno Preferred", ["irrigation"], NearRibeira);
        var job = await day.AddJobAsync("Sprinklers of the usual customer", Ribeira, window: (1, 4), preferredTechnicianId: preferred);

        var response = await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/optimize", new { budgetSeconds = 0.5 });
        response.EnsureSuccessStatusCode();
        var report = (await response.Content.ReadFromJsonAsync<OptimizationReport>(ApiJson.Options))!;

        Assert.True(report.Adopted, report.Message);
        Assert.Equal(preferred, (await day.TicketAsync(job.Id)).TechnicianId);
    }

    [Fact]
    public async Task APreferredTechnicianWithoutTheSkill_IsPassedOver()
    {
        var day = await CreateAsync(app);
        var gardener = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Boavista);
        var preferred = await day.AddTechnicianAsync("Eva Electrician", ["electrical"], Ribeira);

        var job = await day.AddJobAsync("Sprinklers", Ribeira, window: (1, 4), preferredTechnicianId: preferred);

        var assigned = await day.WaitForTicketAsync(job.Id, t => t.TechnicianId is not null, "the job is assigned");
        Assert.Equal(gardener, assigned.TechnicianId);
    }

    [Fact]
    public async Task NewJobs_AreSpreadOverTheTechniciansOnShift_RatherThanHeapedOnOne()
    {
        // Both technicians start from the same place, so by driving alone one of them would take every job.
        var day = await CreateAsync(app);
        var ana = await day.AddTechnicianAsync("Ana", ["irrigation"], Ribeira);
        var bruno = await day.AddTechnicianAsync("Bruno", ["irrigation"], Ribeira);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var job = await day.AddJobAsync($"Garden {i}", (Ribeira.Latitude + 0.004, Ribeira.Longitude + 0.001 * i), window: (1, 10));
            ids.Add((await day.WaitForTicketAsync(job.Id, t => t.TechnicianId is not null, "the job is assigned")).Id);
        }

        var owners = new List<string?>();
        foreach (var id in ids) owners.Add((await day.TicketAsync(id)).TechnicianId);
        Assert.Equal(2, owners.Count(o => o == ana));
        Assert.Equal(2, owners.Count(o => o == bruno));
    }
}
