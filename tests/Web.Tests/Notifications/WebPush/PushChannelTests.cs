using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Fakes;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Notifications;
using OrleansPortal.Web.Notifications.Outbox;
using OrleansPortal.Web.Notifications.WebPush;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications.WebPush;

/// <summary>
/// The push channel through Lib.Net.Http.WebPush to the fake push service, which checks VAPID and decrypts each push
/// with the subscription's keys as the phone would: what arrives is what was sent, and the push service's answers decide
/// what happens to each subscription.
/// </summary>
public sealed class PushChannelTests : FakePushTest
{
    [Fact]
    public async Task APush_ReachesEveryPhone_EncryptedToIt_AndDecryptsToWhatWasSent()
    {
        var (company, tech, phone) = await TechnicianWithPhoneAsync();
        var (first, _) = await PushScenario.SubscribeAsync(phone, Push);
        var (second, _) = await PushScenario.SubscribeAsync(phone, Push);

        await Channel().SendAsync(Message(company.TenantId, tech, "New job: Burst main", "Today 10:00-12:00, Rua Nova 1 (Smith household).", urgent: true), CancellationToken.None);

        Assert.Equal(new[] { first.Id, second.Id }.Order(), Push.Messages.Select(m => m.SubscriptionId).Order());
        foreach (var received in Push.Messages)
        {
            using var payload = JsonDocument.Parse(received.Plaintext);
            Assert.Equal("New job: Burst main", payload.RootElement.GetProperty("title").GetString());
            Assert.Equal("Today 10:00-12:00, Rua Nova 1 (Smith household).", payload.RootElement.GetProperty("body").GetString());
            Assert.Equal("job-t1", payload.RootElement.GetProperty("tag").GetString());
            Assert.Equal("/tech/", payload.RootElement.GetProperty("url").GetString());
            Assert.Equal("high", received.Urgency);
            Assert.Equal(8 * 3600, received.TimeToLive);
            Assert.Equal("mailto:dispatch@example.com", received.VapidSubject);
            Assert.Equal((await PushScenario.SettingsAsync(phone)).ApplicationServerKey, received.VapidPublicKey);
        }
        Assert.Empty(Push.Refusals);
    }

    [Fact]
    public async Task ANonUrgentPush_GoesWithNormalUrgency_AndALongBodyIsCutToFitOnePush()
    {
        var (company, tech, phone) = await TechnicianWithPhoneAsync();
        await PushScenario.SubscribeAsync(phone, Push);
        var longBody = string.Concat(Enumerable.Repeat("Acesso pelas traseiras, portão verde. ", 80)); // ~3000 characters, most of them twice as long in JSON

        await Channel().SendAsync(Message(company.TenantId, tech, "Novo serviço", longBody, urgent: false), CancellationToken.None);

        var received = Assert.Single(Push.Messages);
        Assert.Equal("normal", received.Urgency);
        using var payload = JsonDocument.Parse(received.Plaintext);
        var body = payload.RootElement.GetProperty("body").GetString()!;
        Assert.EndsWith("…", body, StringComparison.Ordinal);
        Assert.StartsWith(body[..^1], longBody, StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(received.Plaintext) <= PushPayload.MaxBytes);
    }

    [Fact]
    public async Task ASubscriptionThePushServiceCallsGone_IsForgotten_AndTheOtherPhoneStillGetsThePush()
    {
        var (company, tech, phone) = await TechnicianWithPhoneAsync();
        var (gone, goneStored) = await PushScenario.SubscribeAsync(phone, Push);
        var (kept, keptStored) = await PushScenario.SubscribeAsync(phone, Push);
        Push.Expire(gone.Id);

        await Channel().SendAsync(Message(company.TenantId, tech, "New job", "Today", urgent: false), CancellationToken.None);

        Assert.Equal([kept.Id], Push.Messages.Select(m => m.SubscriptionId));
        Assert.Contains(Push.Refusals, r => r.SubscriptionId == gone.Id && r.Status == HttpStatusCode.Gone);
        Assert.Equal([keptStored.Id], (await PushScenario.SettingsAsync(phone)).Subscriptions.Select(s => s.Id));
        Assert.NotEqual(goneStored.Id, keptStored.Id);
    }

    [Fact]
    public async Task WhenEverySubscriptionIsGone_TheMessageFailsForGood_AndSoDoesOneForATechnicianWithNone()
    {
        var (company, tech, phone) = await TechnicianWithPhoneAsync();
        var (gone, _) = await PushScenario.SubscribeAsync(phone, Push);
        Push.Expire(gone.Id);

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => Channel().SendAsync(Message(company.TenantId, tech, "New job", "Today", false), CancellationToken.None));
        Assert.True(failure.Permanent);
        Assert.Contains("no device subscribed", failure.Message, StringComparison.Ordinal);
        Assert.Empty((await PushScenario.SettingsAsync(phone)).Subscriptions);

        var again = await Assert.ThrowsAsync<DeliveryFailedException>(() => Channel().SendAsync(Message(company.TenantId, tech, "New job", "Today", false), CancellationToken.None));
        Assert.True(again.Permanent);
        Assert.Equal("no device subscribed", again.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task APushServiceThatIsBusyOrDown_IsATransientFailure_AndTheSubscriptionStays(HttpStatusCode status)
    {
        var (company, tech, phone) = await TechnicianWithPhoneAsync();
        await PushScenario.SubscribeAsync(phone, Push);
        Push.FailNextRequests(1, status);

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => Channel().SendAsync(Message(company.TenantId, tech, "New job", "Today", false), CancellationToken.None));

        Assert.False(failure.Permanent);
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), failure.ProviderCode);
        Assert.Single((await PushScenario.SettingsAsync(phone)).Subscriptions);
        await Channel().SendAsync(Message(company.TenantId, tech, "New job", "Today", false), CancellationToken.None); // the retry goes
        Assert.Single(Push.Messages);
    }

    [Fact]
    public async Task AfterTheVapidKeysChange_ThePushServiceRefusesTheOldSubscription_ForGood()
    {
        var (company, tech, phone) = await TechnicianWithPhoneAsync();
        var old = Push.Subscribe(applicationServerKey: OtherPublicKey()); // made under another server key, as after a key rotation
        (await phone.PostAsync("/api/v1/device/push-subscriptions", System.Net.Http.Json.JsonContent.Create(PushScenario.AsJson(old)))).EnsureSuccessStatusCode();

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => Channel().SendAsync(Message(company.TenantId, tech, "New job", "Today", false), CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.Equal("403", failure.ProviderCode);
        Assert.Equal(HttpStatusCode.Forbidden, Assert.Single(Push.Refusals).Status);
        Assert.Empty(Push.Messages);
    }

    [Fact]
    public async Task ARevokedPhone_GetsNoMorePushes_AndItsSubscriptionIsForgotten()
    {
        var (company, tech, device) = await TechnicianWithDeviceAsync();
        var (revoked, _) = await PushScenario.SubscribeAsync(PushScenario.Phone(App, device.Token), Push);
        var other = await company.IssueTokenAsync(tech, "tablet");
        var (kept, _) = await PushScenario.SubscribeAsync(PushScenario.Phone(App, other.Token), Push);
        (await company.Dispatcher.DeleteAsync($"/api/v1/technicians/{tech}/devices/{device.DeviceId}")).EnsureSuccessStatusCode();

        await Channel().SendAsync(Message(company.TenantId, tech, "New job", "Today", false), CancellationToken.None);

        Assert.Equal([kept.Id], Push.Messages.Select(m => m.SubscriptionId));
        Assert.DoesNotContain(Push.Refusals, r => r.SubscriptionId == revoked.Id);
        Assert.Single((await PushScenario.SettingsAsync(PushScenario.Phone(App, other.Token))).Subscriptions);
    }

    private async Task<(TenantScenario Company, string TechnicianId, HttpClient Phone)> TechnicianWithPhoneAsync()
    {
        var (company, tech, device) = await TechnicianWithDeviceAsync();
        return (company, tech, PushScenario.Phone(App, device.Token));
    }

    private async Task<(TenantScenario Company, string TechnicianId, Admin.IssuedDeviceToken Device)> TechnicianWithDeviceAsync()
    {
        var company = await TenantScenario.CreateAsync(App);
        var tech = await company.AddTechnicianAsync();
        return (company, tech.Id, await company.IssueTokenAsync(tech.Id));
    }

    private IMessageChannel Channel() => App.Services.GetServices<IMessageChannel>().Single(c => c.Channel == NotificationChannel.Push);

    private static OutboxMessage Message(string tenantId, string technicianId, string title, string body, bool urgent)
    {
        var now = DateTimeOffset.UtcNow;
        var message = new OutgoingMessage(tenantId, $"Push:TechnicianAssigned:t1:{technicianId}", NotificationTrigger.TechnicianAssigned, NotificationChannel.Push,
            technicianId, null, null, "t1", "en", title, body, null, urgent, false, now);
        return new OutboxMessage(1, message, OutboxStatus.Sending, 1, false, null, null, now, now, null);
    }

    private static string OtherPublicKey()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var q = key.ExportParameters(false).Q;
        return System.Buffers.Text.Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]);
    }
}
