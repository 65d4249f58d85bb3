using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Tests.Notifications.Sms;

namespace OrleansPortal.Web.Tests.Notifications.Outbox;

/// <summary>
/// A send the provider took but answered too late: the sender gave up after its timeout, so it cannot know whether Twilio
/// has the message. The retry must ask Twilio first, not send a second copy (a clean CI run once sent the first 23
/// reminders of a cold node twice this way).
/// </summary>
public sealed class UnansweredSendTests : IAsyncLifetime
{
    private readonly SmsApp _sms = new();

    public async Task InitializeAsync()
    {
        _sms.App.Settings["Notifications:Outbox:SendTimeout"] = "00:00:01";
        _sms.App.Settings["Notifications:Outbox:FirstBackoff"] = "00:00:00.200";
        _sms.App.Settings["Notifications:Outbox:PollInterval"] = "00:00:00.200";
        await _sms.InitializeAsync();
    }

    public Task DisposeAsync() => _sms.DisposeAsync();

    [Fact]
    public async Task ASendTwilioTookButAnsweredTooLate_IsFoundAtTwilio_AndReachesTheCustomerOnce()
    {
        _sms.Twilio.AnswerLate(1, TimeSpan.FromSeconds(3));
        var outbox = _sms.App.Services.GetRequiredService<INotificationOutbox>();
        var tenant = "unanswered-" + Guid.NewGuid().ToString("N");
        const string text = "Your visit is tomorrow between 10:00 and 12:00.";
        var now = DateTimeOffset.UtcNow;
        var id = (await outbox.EnqueueAsync(new OutgoingMessage(tenant, "Reminder:late", NotificationTrigger.Reminder, NotificationChannel.Sms,
            "+351912345678", null, null, "t1", "en", null, text, null, Urgent: false, Marketing: false, now), now))!.Value;

        var sent = await SettledAsync(outbox, tenant, id);

        var atTwilio = Assert.Single(_sms.Twilio.Messages, m => m.Body == text);
        Assert.Equal((OutboxStatus.Sent, atTwilio.Sid), (sent.Status, sent.ProviderId));
        var steps = await outbox.StepsAsync(tenant, id);
        Assert.Equal(["retry", "sent"], steps.Select(s => s.Status));
        Assert.Contains("the provider may have it", steps[0].Detail, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the late answer arrives; nothing goes again
        Assert.Single(_sms.Twilio.Messages, m => m.Body == text);
    }

    private static async Task<OutboxMessage> SettledAsync(INotificationOutbox outbox, string tenant, long id)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await outbox.GetAsync(tenant, id, deadline.Token) is { Status: not (OutboxStatus.Queued or OutboxStatus.Sending) } settled) return settled;
            await Task.Delay(50, deadline.Token);
        }
    }
}
