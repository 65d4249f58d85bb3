using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tickets;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>
/// "On my way" out of route order: the phone is told which jobs it would make late and by how much, an unconfirmed
/// start that would is refused (so a phone that never asks cannot do it unseen), and a confirmed one re-plans the route
/// with the job first. The day: Campanha in 1-2 h, Boavista in 2-3 h, Matosinhos in 5-6 h, 30 minutes each, from Ribeira.
/// Six companies sign in here at most (sign-in takes 10 a minute from one address).
/// </summary>
public sealed class StartImpactTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private sealed record Day(DispatchScenario Scenario, HttpClient Device, TicketDto Campanha, TicketDto Boavista, TicketDto Matosinhos);

    private async Task<Day> PlannedDayAsync()
    {
        var day = await CreateAsync(app);
        var technician = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var device = day.Device((await day.Company.IssueTokenAsync(technician)).Token);
        var campanha = await day.AddJobAsync("Campanha pump", Campanha, minutes: 30, window: (1, 2));
        var boavista = await day.AddJobAsync("Boavista valves", Boavista, minutes: 30, window: (2, 3));
        var matosinhos = await day.AddJobAsync("Matosinhos lawn", Matosinhos, minutes: 30, window: (5, 6));
        await Eventually.TrueAsync(async () => (await JobsAsync(device)).Select(j => j.TicketId).SequenceEqual([campanha.Id, boavista.Id, matosinhos.Id]),
            "the three jobs are on the technician's route in window order");
        return new Day(day, device, campanha, boavista, matosinhos);
    }

    private static async Task<StartImpactDto> ImpactAsync(HttpClient device, string ticketId) =>
        (await device.GetFromJsonAsync<StartImpactDto>($"/api/v1/device/jobs/{ticketId}/start-impact", ApiJson.Options))!;

    private static Task<HttpResponseMessage> StartAsync(HttpClient device, string ticketId, bool? confirm = null) =>
        device.PostAsJsonAsync($"/api/v1/device/jobs/{ticketId}/status", new { status = "EnRoute", confirmOutOfOrder = confirm });

    [Fact]
    public async Task TheNextJob_HasNoImpact_AndStartsWithoutConfirmation()
    {
        var day = await PlannedDayAsync();

        var impact = await ImpactAsync(day.Device, day.Campanha.Id);
        var started = await StartAsync(day.Device, day.Campanha.Id);

        Assert.Equal((true, false, day.Campanha.Id), (impact.InOrder, impact.ConfirmationRequired, impact.NextTicketId));
        Assert.Empty(impact.LateJobs);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("EnRoute", (await day.Scenario.TicketAsync(day.Campanha.Id)).Status);
    }

    [Fact]
    public async Task StartingTheLastJobFirst_NamesTheJobsItMakesLate_ByHowMuch_AndTheNewOrder()
    {
        var day = await PlannedDayAsync();

        var impact = await ImpactAsync(day.Device, day.Matosinhos.Id);

        Assert.Equal((false, true, day.Campanha.Id), (impact.InOrder, impact.ConfirmationRequired, impact.NextTicketId));
        Assert.Equal(new[] { day.Campanha.Id, day.Boavista.Id }.Order(), impact.LateJobs.Select(j => j.TicketId).Order());
        foreach (var late in impact.LateJobs)
        {
            // Matosinhos's window opens in 5 hours: whatever comes after it arrives hours past its window.
            Assert.True(late.AddedMinutes > 60, $"{late.Description} is {late.AddedMinutes} min later");
            Assert.Equal(late.MinutesLate - late.MinutesLateBefore, late.AddedMinutes, 1);
            Assert.True(late.Arrival > late.ArrivalWindow!.End);
        }
        Assert.Equal(day.Matosinhos.Id, impact.NewOrder[0]);
        Assert.Equal("Assigned", (await day.Scenario.TicketAsync(day.Matosinhos.Id)).Status); // asking changes nothing
    }

    [Fact]
    public async Task AnUnconfirmedStartOutOfOrder_IsAConflictCarryingTheImpact_AndChangesNothing()
    {
        var day = await PlannedDayAsync();

        var refused = await StartAsync(day.Device, day.Matosinhos.Id);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("confirmationRequired").GetBoolean());
        Assert.Equal(day.Campanha.Id, problem.RootElement.GetProperty("nextTicketId").GetString());
        var late = problem.RootElement.GetProperty("lateJobs").EnumerateArray().Select(j => j.GetProperty("ticketId").GetString()).Order().ToList();
        Assert.Equal(new[] { day.Campanha.Id, day.Boavista.Id }.Order(), late);
        Assert.Contains("Campanha pump", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("Assigned", (await day.Scenario.TicketAsync(day.Matosinhos.Id)).Status);
        Assert.Equal([day.Campanha.Id, day.Boavista.Id, day.Matosinhos.Id], (await JobsAsync(day.Device)).Select(j => j.TicketId));
    }

    [Fact]
    public async Task AConfirmedStartOutOfOrder_GoesEnRoute_AndReplansTheRouteWithTheJobFirst()
    {
        var day = await PlannedDayAsync();
        var preview = await ImpactAsync(day.Device, day.Matosinhos.Id);

        var started = await StartAsync(day.Device, day.Matosinhos.Id, confirm: true);

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("EnRoute", (await day.Scenario.TicketAsync(day.Matosinhos.Id)).Status);
        // From Matosinhos, Boavista is much nearer than Campanha, and both are late by then: Boavista comes next now,
        // not in its old place after Campanha.
        Assert.Equal([day.Matosinhos.Id, day.Boavista.Id, day.Campanha.Id], preview.NewOrder);
        await Eventually.TrueAsync(async () => (await JobsAsync(day.Device)).Select(j => j.TicketId).SequenceEqual(preview.NewOrder),
            "the phone's list follows the re-planned route");
        var audit = (await day.Scenario.TicketAsync(day.Matosinhos.Id)).Audit[^1];
        Assert.Equal(("EnRoute", true), (audit.To, audit.Actor.StartsWith("technician:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OtherTechniciansAndCompanies_CannotAskAboutOrStartTheJob()
    {
        var day = await PlannedDayAsync();
        var colleague = await day.Scenario.AddTechnicianAsync("Eva Electrician", ["electrical"], Boavista);
        var colleagueDevice = day.Scenario.Device((await day.Scenario.Company.IssueTokenAsync(colleague)).Token);
        var rival = await CreateAsync(app, name: "Rival Gardens");
        var rivalDevice = rival.Device((await rival.Company.IssueTokenAsync(await rival.AddTechnicianAsync("Rui Rival", ["irrigation"], Ribeira))).Token);

        foreach (var outsider in new[] { colleagueDevice, rivalDevice })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/device/jobs/{day.Matosinhos.Id}/start-impact")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await StartAsync(outsider, day.Matosinhos.Id, confirm: true)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/device/jobs/{day.Matosinhos.Id}/start-impact")).StatusCode);
        Assert.Equal("Assigned", (await day.Scenario.TicketAsync(day.Matosinhos.Id)).Status);
    }
}
