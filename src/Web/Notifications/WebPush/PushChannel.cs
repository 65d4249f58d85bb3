using System.Net;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Notifications.WebPush;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Web.Notifications.Outbox;

namespace OrleansPortal.Web.Notifications.WebPush;

/// <summary>
/// Web Push to a technician's phones (the recipient is the technician's id): one encrypted message (RFC 8291, aes128gcm)
/// to each of their subscriptions, signed with our VAPID key (RFC 8292), through Lib.Net.Http.WebPush.
/// <para>
/// The message counts as sent when at least one phone's push service took it: sending again for the others would
/// repeat it on the phones that have it. A subscription the push service says is gone (404, 410), or whose device was
/// revoked, is forgotten. None taken: a 429 or 5xx (or no answer) from any of them is transient and the outbox retries;
/// otherwise the failure is permanent, "no device subscribed" when there was none left.
/// </para>
/// </summary>
public sealed partial class PushChannel(
    IClusterClient grains,
    IHttpClientFactory http,
    VapidKeyStore keys,
    IOptions<WebPushOptions> options,
    ILogger<PushChannel> logger) : IMessageChannel
{
    public const string HttpClientName = "webpush";

    public NotificationChannel Channel => NotificationChannel.Push;

    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var key = TenantKeys.For(message.Message.TenantId, message.Message.Recipient);
        var subscriptions = grains.GetGrain<ITechnicianPushGrain>(key);
        var all = await subscriptions.ListAsync();
        var revoked = all.Count == 0 ? new HashSet<string>() : await RevokedDevicesAsync(key);
        var live = all.Where(s => !revoked.Contains(s.DeviceId)).ToList();
        if (live.Count < all.Count) await subscriptions.RemoveAsync([.. all.Where(s => revoked.Contains(s.DeviceId)).Select(s => s.Id)]);
        if (live.Count == 0) throw new DeliveryFailedException("no device subscribed", permanent: true);

        var vapid = keys.Keys;
        using var authentication = new VapidAuthentication(vapid.PublicKey, vapid.PrivateKey) { Subject = vapid.Subject };
        var client = new PushServiceClient(http.CreateClient(HttpClientName)) { AutoRetryAfter = false };
        var payload = PushPayload.For(message).ToJson();
        var outcomes = await Task.WhenAll(live.Select(s => SendOneAsync(client, authentication, s, payload, message.Message.Urgent, cancellationToken)));

        var gone = live.Zip(outcomes).Where(p => p.Second.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone).Select(p => p.First.Id).ToList();
        if (gone.Count > 0)
        {
            await subscriptions.RemoveAsync(gone);
            LogGone(gone.Count, message.Id);
        }

        var delivered = outcomes.Count(o => o.Delivered);
        if (delivered > 0) return null; // push services give no id we could look a message up by
        if (outcomes.FirstOrDefault(o => o.Transient) is { } transient)
            throw new DeliveryFailedException($"no push service took the message: {transient.Detail}", permanent: false, transient.Code);
        if (gone.Count == live.Count) throw new DeliveryFailedException("no device subscribed (every subscription has expired or was turned off)", permanent: true, "410");
        var refused = outcomes.First(o => !o.Delivered && o.Status is not (HttpStatusCode.NotFound or HttpStatusCode.Gone));
        throw new DeliveryFailedException($"the push service refused the message: {refused.Detail}", permanent: true, refused.Code);
    }

    private async Task<IReadOnlySet<string>> RevokedDevicesAsync(string technicianKey)
    {
        try
        {
            return (await grains.GetGrain<ITechnicianGrain>(technicianKey).GetAsync()).Devices.Where(d => d.Revoked).Select(d => d.DeviceId).ToHashSet();
        }
        catch (NotFoundException)
        {
            throw new DeliveryFailedException("the technician no longer exists", permanent: true);
        }
    }

    private async Task<PushOutcome> SendOneAsync(PushServiceClient client, VapidAuthentication authentication, DeviceSubscription subscription, byte[] payload, bool urgent, CancellationToken cancellationToken)
    {
        var target = new PushSubscription { Endpoint = subscription.Endpoint };
        target.SetKey(PushEncryptionKeyName.P256DH, subscription.P256dh);
        target.SetKey(PushEncryptionKeyName.Auth, subscription.Auth);
        var push = new PushMessage(new ByteArrayContent(payload))
        {
            TimeToLive = (int)options.Value.TimeToLive.TotalSeconds,
            Urgency = urgent ? PushMessageUrgency.High : PushMessageUrgency.Normal,
        };
        try
        {
            await client.RequestPushMessageDeliveryAsync(target, push, authentication, VapidAuthenticationScheme.Vapid, cancellationToken);
            return PushOutcome.Sent;
        }
        catch (PushServiceClientException refused)
        {
            var status = refused.StatusCode;
            var transient = status == HttpStatusCode.TooManyRequests || (int)status >= 500;
            return new PushOutcome(false, status, transient, ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{(int)status} {refused.Message}");
        }
        catch (HttpRequestException unreachable)
        {
            return new PushOutcome(false, null, true, "network", unreachable.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PushOutcome(false, null, true, "timeout", $"no answer within {options.Value.RequestTimeout.TotalSeconds:0} s");
        }
    }

    /// <summary>One subscription's answer: taken, or why not (the status, whether trying again could work).</summary>
    private sealed record PushOutcome(bool Delivered, HttpStatusCode? Status, bool Transient, string? Code, string Detail)
    {
        public static readonly PushOutcome Sent = new(true, HttpStatusCode.Created, false, null, "");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} push subscriptions the push service no longer has (message {MessageId})")]
    private partial void LogGone(int count, long messageId);
}
