using System.Text.Json;
using OrleansPortal.Fakes;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Templates;
using OrleansPortal.Grains.Notifications.WebPush;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Notifications.WebPush;

/// <summary>
/// A job given to a technician reaches their phone when it changes their day: an emergency (urgently), or a job for
/// today. End to end: the ticket is created, dispatch assigns it, the engine queues the push, the outbox sends it through
/// the real library to the fake push service, which decrypts it as the phone would.
/// </summary>
public sealed class TechnicianJobPushTests : FakePushTest
{
    [Fact]
    public async Task AnEmergencyAssignedToASubscribedTechnician_ReachesTheirPhone_Urgently()
    {
        var day = await CreateAsync(App);
        var tech = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var (subscription, _) = await PushScenario.SubscribeAsync(day.Device((await day.Company.IssueTokenAsync(tech)).Token), Push);

        var job = await day.AddJobAsync("Burst main", Boavista, window: (0, 1.5), priority: "Emergency");
        await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == tech, "dispatch assigns the emergency");

        var received = await Push.WaitForMessageAsync(m => m.SubscriptionId == subscription.Id, TimeSpan.FromSeconds(30));
        using var payload = JsonDocument.Parse(received.Plaintext);
        Assert.Equal("New job: Burst main", payload.RootElement.GetProperty("title").GetString());
        var body = payload.RootElement.GetProperty("body").GetString()!;
        Assert.Contains("Burst main street", body, StringComparison.Ordinal);       // the address
        Assert.Contains("Walk-in customers", body, StringComparison.Ordinal);       // the customer
        Assert.Equal($"job-{job.Id}", payload.RootElement.GetProperty("tag").GetString());
        Assert.True(payload.RootElement.GetProperty("urgent").GetBoolean());
        Assert.Equal("high", received.Urgency);
    }

    [Fact]
    public async Task ARoutineJobForToday_ReachesThePhone_WithNormalUrgency_Once()
    {
        var day = await CreateAsync(App);
        var tech = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var (subscription, _) = await PushScenario.SubscribeAsync(day.Device((await day.Company.IssueTokenAsync(tech)).Token), Push);

        var job = await day.AddJobAsync("Sprinkler check", Campanha, window: (1, 3));
        await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == tech, "dispatch assigns the job");
        var received = await Push.WaitForMessageAsync(m => m.SubscriptionId == subscription.Id, TimeSpan.FromSeconds(30));
        (await day.Dispatcher.PostAsync($"/api/v1/tickets/{job.Id}/status", System.Net.Http.Json.JsonContent.Create(new { status = "EnRoute" }))).EnsureSuccessStatusCode(); // a later change of the same job

        Assert.Equal("normal", received.Urgency);
        using var payload = JsonDocument.Parse(received.Plaintext);
        Assert.Equal("New job: Sprinkler check", payload.RootElement.GetProperty("title").GetString());
        Assert.False(payload.RootElement.GetProperty("urgent").GetBoolean());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(Push.Messages, m => m.Plaintext.Contains(job.Id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Emergency", null, null, true)]   // an emergency changes the day, window or not
    [InlineData("Routine", 1.0, 3.0, true)]       // today
    [InlineData("High", -2.0, -1.0, true)]        // earlier today, still today
    [InlineData("Routine", 24.0, 26.0, false)]    // tomorrow: the phone's list will show it then
    [InlineData("Routine", null, null, false)]    // not booked yet
    public void WhetherAJobChangesTheTechniciansDay_ComesFromItsPriorityAndItsWindowInTheCompanysZone(string priority, double? from, double? to, bool pushed)
    {
        var now = new DateTimeOffset(2026, 12, 8, 11, 0, 0, TimeSpan.Zero); // 11:00 in Lisbon (UTC+0 in December)
        var window = from is { } f ? new TimeWindow(now.AddHours(f), now.AddHours(to!.Value)) : null;
        var ticket = new TicketSnapshot("t", "j", new NewTicket("c", "p", new OrleansPortal.Grains.GeoPoint(41.1, -8.6), "Rua 1", "Check", [], TimeSpan.FromHours(1), window,
            Enum.Parse<TicketPriority>(priority)), window, TicketStatus.Assigned, "tech", null, false, []);

        Assert.Equal(pushed, TechnicianJobPush.Concerns(ticket, now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon")));
    }

    [Theory]
    [InlineData("en", "Rua Nova 1 (Smith household).")]
    [InlineData("pt", "Rua Nova 1 (Smith household).")]
    public void AnEmergencyWithNoWindowYet_IsPushedWithItsAddress_NotADanglingComma(string language, string expected)
    {
        var template = DefaultTemplates.Find(NotificationTrigger.TechnicianAssigned, NotificationChannel.Push, language)!;
        var model = new NotificationModel(language, "Europe/Lisbon").Company("Acme", null).Customer("Smith household").Job("Burst main", "Rua Nova 1");

        Assert.Equal(expected, TemplateRenderer.Render(template, model).Text);
    }

    [Fact]
    public void AJobTomorrowInUtc_IsStillTodayInAZoneBehindIt()
    {
        var now = new DateTimeOffset(2026, 12, 8, 20, 0, 0, TimeSpan.Zero);     // 17:00 in São Paulo (UTC-3)
        var window = new TimeWindow(now.AddHours(5), now.AddHours(6));          // 01:00 UTC tomorrow, 22:00 today in São Paulo
        var ticket = new TicketSnapshot("t", "j", new NewTicket("c", "p", new OrleansPortal.Grains.GeoPoint(41.1, -8.6), "Rua 1", "Check", [], TimeSpan.FromHours(1), window,
            TicketPriority.Routine), window, TicketStatus.Assigned, "tech", null, false, []);

        Assert.True(TechnicianJobPush.Concerns(ticket, now, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo")));
        Assert.False(TechnicianJobPush.Concerns(ticket, now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon")));
    }
}
