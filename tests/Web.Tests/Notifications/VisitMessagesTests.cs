using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Notifications.InApp;
using OrleansPortal.Web.Notifications.Timeline;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Portal;

namespace OrleansPortal.Web.Tests.Notifications;

/// <summary>
/// A visit's messages, end to end: the ticket changes (by the customer, by auto-assignment, by the dispatcher), the
/// engine queues what each moment calls for, the outbox sends it through the real SMTP server and the notification
/// centre, and the team sees each message and its fate in the customer's timeline.
/// </summary>
public sealed partial class VisitMessagesTests(MailServer smtp) : IClassFixture<MailServer>
{
    [Fact]
    public async Task AVisitFromBookingToCompletion_IsToldByEmailAndInTheApp_AndEveryMessageIsInTheTimeline()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app);
        var portal = await PortalJobsScenario.CreateAsync(app);
        var email = (await portal.Owner.GetFromJsonAsync<PortalMeDto>("/api/v1/portal/me", ApiJson.Options))!.Email;

        var job = await portal.BookAsync();
        var confirmed = await SentAsync(portal, "BookingConfirmed", "Email");
        await Eventually.TrueAsync(() => Task.FromResult(smtp.MailTo(email).Any(m => m.Subject == confirmed.Subject)), "the confirmation reached the mailbox");

        await Eventually.TrueAsync(async () => (await portal.JobAsync(job.Id)).Status == "Assigned", "the job is assigned");
        await SentAsync(portal, "TechnicianAssigned", "Email");

        await MoveAsync(portal, job.Id, "EnRoute");
        var onMyWay = await SentAsync(portal, "OnMyWay", "Email");
        var link = TrackingLink().Match(onMyWay.Text);
        Assert.True(link.Success, $"the on-my-way message carries a tracking link: {onMyWay.Text}");
        var tracked = await app.CreateClient().GetAsync($"/api/v1/track/{link.Groups[1].Value}");
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);

        await MoveAsync(portal, job.Id, "OnSite");
        await MoveAsync(portal, job.Id, "Completed");
        var completed = await SentAsync(portal, "Completed", "Email");
        Assert.Contains($"/portal/appointment/?id={job.Id}", completed.Text, StringComparison.Ordinal);

        var timeline = await TimelineAsync(portal);
        var review = Assert.Single(timeline, m => m is { Trigger: "ReviewRequest", Channel: "Email" });
        Assert.Equal("Queued", review.Status); // hours after completion
        Assert.True(review.NotBefore > review.QueuedAt.AddHours(2), "the review request waits hours after completion");

        var bell = (await portal.Owner.GetFromJsonAsync<PortalNotificationsDto>("/api/v1/portal/notifications", ApiJson.Options))!;
        // Sent in parallel, so two queued together may be listed either way round.
        Assert.Equal(["BookingConfirmed", "Completed", "OnMyWay", "TechnicianAssigned"], bell.Items.Select(i => i.Trigger).Where(t => t != "Arriving").Order());
        Assert.Equal(bell.Items.Count, bell.Unread);
    }

    [Fact]
    public async Task AContactWhoTurnedOffOnMyWayEmails_GetsNoneButStillSeesItInTheApp_AndTheTimelineSaysWhy()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app);
        var portal = await PortalJobsScenario.CreateAsync(app);
        var off = new { appointments = true, onMyWay = false, marketing = false };
        (await portal.Owner.PutAsJsonAsync("/api/v1/portal/preferences", new { email = off, sms = off, quietHours = (object?)null })).EnsureSuccessStatusCode();

        var job = await portal.BookAsync();
        await Eventually.TrueAsync(async () => (await portal.JobAsync(job.Id)).Status == "Assigned", "the job is assigned");
        await MoveAsync(portal, job.Id, "EnRoute");

        var email = await SettledAsync(portal, "OnMyWay", "Email");
        Assert.Equal(("Suppressed", "the contact's preferences"), (email.Status, email.Error));
        await SentAsync(portal, "OnMyWay", "InApp");
    }

    [Fact]
    public async Task TheNotificationCentre_LightsUpLive_ForItsOwnContactOnly()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);
        var (_, _, neighbour) = await PortalJobsScenario.AddCustomerAsync(portal.Day, "Neighbours");
        await using var mine = await SignalRTestClient.ConnectAsync(app, NotificationCentreHub.Path, portal.OwnerCookie);
        await using var theirs = await SignalRTestClient.ConnectAsync(app, NotificationCentreHub.Path, PortalJobsScenario.CookieOf(neighbour));

        await portal.BookAsync();

        var live = await mine.NextAsync("Notification", TimeSpan.FromSeconds(20));
        Assert.Equal("BookingConfirmed", live.GetProperty("trigger").GetString());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(theirs.Drain(), e => e.Target == "Notification");
    }

    [Fact]
    public async Task ACustomersTimeline_IsTheirCompanysAlone()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);
        await portal.BookAsync();
        await SentAsync(portal, "BookingConfirmed", "InApp");
        var other = await TenantScenario.CreateAsync(app, "Other Company");

        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.GetAsync($"/api/v1/customers/{portal.Customer.Id}/communications")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Day.Dispatcher.GetAsync("/api/v1/customers/not-an-id/communications")).StatusCode);
        var customer = (await portal.Owner.GetAsync($"/api/v1/customers/{portal.Customer.Id}/communications")).StatusCode;
        Assert.True(customer is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"a customer reading the team's timeline gets {customer}");
    }

    private static Task MoveAsync(PortalJobsScenario portal, string ticketId, string status) =>
        portal.Day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/status", new { status }).ContinueWith(t => t.Result.EnsureSuccessStatusCode());

    private static async Task<CommunicationDto[]> TimelineAsync(PortalJobsScenario portal) =>
        (await portal.Day.Dispatcher.GetFromJsonAsync<CommunicationDto[]>($"/api/v1/customers/{portal.Customer.Id}/communications", ApiJson.Options))!;

    /// <summary>Waits until the timeline has the message for the trigger and channel and it is past sending; answers it.</summary>
    private static async Task<CommunicationDto> SettledAsync(PortalJobsScenario portal, string trigger, string channel)
    {
        CommunicationDto? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = (await TimelineAsync(portal)).FirstOrDefault(m => m.Trigger == trigger && m.Channel == channel && m.Status is not ("Queued" or "Sending"));
            return found is not null;
        }, $"the {trigger} message by {channel} is settled");
        return found!;
    }

    private static async Task<CommunicationDto> SentAsync(PortalJobsScenario portal, string trigger, string channel)
    {
        var message = await SettledAsync(portal, trigger, channel);
        Assert.True(message.Status == "Sent", $"{trigger} by {channel} is {message.Status}: {message.Error}");
        return message;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/track/([A-Za-z0-9_-]+)")]
    private static partial System.Text.RegularExpressions.Regex TrackingLink();
}
