using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>GET /api/v1/dispatch/jobs/{id}/candidates: who can take a job and why the others cannot, as the assignment would answer.</summary>
public sealed class JobCandidatesApiTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static async Task<JobCandidates> CandidatesAsync(DispatchScenario day, string ticketId, string? on = null)
    {
        var response = await day.Dispatcher.GetAsync($"/api/v1/dispatch/jobs/{ticketId}/candidates" + (on is null ? "" : $"?day={on}"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JobCandidates>(ApiJson.Options))!;
    }

    private static async Task<string> InTheTrayAsync(DispatchScenario day, string description, string[] skills)
    {
        var job = await day.AddJobAsync(description, Campanha, skills, window: (1, 4));
        await Eventually.TrueAsync(async () => (await day.BoardAsync()).Unassigned.Any(j => j.TicketId == job.Id), "the job is in the tray");
        return job.Id;
    }

    [Fact]
    public async Task EachTechnician_IsMarked_WithTheReasonTheAssignmentWouldGive()
    {
        var day = await CreateAsync(app, autoAssign: false);
        var today = (await day.BoardAsync()).Day;
        var ana = await day.AddTechnicianAsync("Ana Gas", ["gas"], Ribeira);
        var eva = await day.AddTechnicianAsync("Eva Electrician", ["electrical"], Ribeira);
        var gil = await day.AddTechnicianAsync("Gil Lapsed", [], Ribeira, certifications: [new { name = "gas", expiresOn = today.AddDays(-1).ToString("yyyy-MM-dd") }]);
        var rui = await day.AddTechnicianAsync("Rui Resting", ["gas"], Ribeira, blackoutDates: [today.ToString("yyyy-MM-dd")]);
        var job = await InTheTrayAsync(day, "Service the gas boiler", ["gas"]);

        var answer = await CandidatesAsync(day, job);

        Assert.Equal((job, today, null), (answer.TicketId, answer.Day, answer.Refused));
        var by = answer.Technicians.ToDictionary(c => c.TechnicianId);
        Assert.Equal(4, by.Count);
        Assert.True(by[ana].CanTake);
        Assert.Empty(by[ana].Reasons);
        Assert.False(by[eva].CanTake);
        Assert.Equal((ConflictKind.MissingSkill, "gas"), (by[eva].Reasons.Single().Kind, by[eva].Reasons.Single().Detail));
        Assert.False(by[gil].CanTake);
        Assert.Equal((ConflictKind.ExpiredCertificate, "gas"), (by[gil].Reasons.Single().Kind, by[gil].Reasons.Single().Detail));
        Assert.Contains("certificate expired", by[gil].Reasons.Single().Message);
        Assert.False(by[rui].CanTake);
        Assert.Equal(ConflictKind.OffShift, by[rui].Reasons.Single().Kind);

        // The same rules as a drop: what the candidates refuse, the assignment refuses with the same sentence.
        var refused = await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/assignments", new { ticketId = job, technicianId = gil });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(by[gil].Reasons.Single().Message, await refused.Content.ReadAsStringAsync());
        (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/assignments", new { ticketId = job, technicianId = ana })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task AWindowNoneCanReach_AndAJobOfAnotherDay_AreSaid()
    {
        var day = await CreateAsync(app, autoAssign: false);
        var today = (await day.BoardAsync()).Day;
        var gil = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var busy = await day.AddJobAsync("Long job first", Boavista, minutes: 240, window: (0, 1));
        (await day.Dispatcher.PostAsJsonAsync("/api/v1/dispatch/assignments", new { ticketId = busy.Id, technicianId = gil })).EnsureSuccessStatusCode();
        // Due within the hour, after a four-hour job: it cannot be reached in time.
        var urgent = await day.AddJobAsync("Needs someone within the hour", Campanha, window: (0.1, 1));
        await Eventually.TrueAsync(async () => (await day.BoardAsync()).Unassigned.Any(j => j.TicketId == urgent.Id), "the job is in the tray");

        var answer = await CandidatesAsync(day, urgent.Id);
        var gils = answer.Technicians.Single(c => c.TechnicianId == gil);
        Assert.False(gils.CanTake);
        Assert.Equal(ConflictKind.Late, gils.Reasons.Single().Kind);

        // Asked about tomorrow, a job promised today: nobody, and why.
        var tomorrow = await CandidatesAsync(day, urgent.Id, today.AddDays(1).ToString("yyyy-MM-dd"));
        Assert.Contains("arrival window is on", tomorrow.Refused);
        Assert.All(tomorrow.Technicians, c => Assert.False(c.CanTake));
    }

    [Fact]
    public async Task AnotherCompanysJob_Is404_AndBadInputIsRefused()
    {
        var day = await CreateAsync(app, autoAssign: false);
        await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var job = await InTheTrayAsync(day, "Check valves", ["irrigation"]);
        var other = await CreateAsync(app, name: "Other Co");
        await other.AddTechnicianAsync("Olga Other", ["irrigation"], Ribeira);

        var foreign = await other.Dispatcher.GetAsync($"/api/v1/dispatch/jobs/{job}/candidates");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await day.Dispatcher.GetAsync("/api/v1/dispatch/jobs/not%20an%20id/candidates")).StatusCode);
        var badDay = await day.Dispatcher.GetAsync($"/api/v1/dispatch/jobs/{job}/candidates?day=tomorrow");
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
        Assert.Contains("yyyy-MM-dd", await badDay.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/dispatch/jobs/{job}/candidates")).StatusCode);
    }
}
