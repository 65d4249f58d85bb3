using System.Net.Http.Json;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>Dispatch re-plans today on its own from time to time, when it plans on its own at all.</summary>
public sealed class PeriodicReplanTests
{
    [Fact]
    public async Task APoorPlan_IsFixedByThePeriodicPass_OnceDispatchPlansOnItsOwn()
    {
        using var app = new PortalFactory();
        app.Settings["Dispatch:PeriodicReplanInterval"] = "00:00:00.300";
        app.Settings["Dispatch:ReplanCooldown"] = "00:00:00";
        // Built with auto-assign off, so the periodic pass leaves the crosswise plan alone while it is made.
        var (day, north, south, northJobs, southJobs) = await OptimizeDayTests.CrosswisePlanAsync(app);

        (await day.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/settings", new { autoAssign = true })).EnsureSuccessStatusCode();

        foreach (var id in northJobs) await day.WaitForTicketAsync(id, t => t.TechnicianId == north, "the north job goes to the technician in the north");
        foreach (var id in southJobs) await day.WaitForTicketAsync(id, t => t.TechnicianId == south, "the south job goes to the technician in the south");
        Assert.Equal("dispatch", (await day.TicketAsync(northJobs[0])).Audit[^1].Actor); // moved by dispatch itself, not a person
    }
}
