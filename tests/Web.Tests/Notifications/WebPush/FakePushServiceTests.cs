using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using OrleansPortal.Fakes;

namespace OrleansPortal.Web.Tests.Notifications.WebPush;

/// <summary>
/// The fake push service refuses what a real one refuses (RFC 8030, 8291, 8292), so a channel test that passes against
/// it means something: pushes signed wrongly, out of date, for another audience, without TTL, or not decryptable with
/// the subscription's keys are turned away, each with the status a push service gives.
/// </summary>
public sealed class FakePushServiceTests : IAsyncLifetime
{
    private readonly (string Public, string Private) _server = NewKeyPair();
    private FakePushService _push = null!;

    public async Task InitializeAsync() => _push = await FakePushService.StartAsync();

    public async Task DisposeAsync() => await _push.DisposeAsync();

    [Fact]
    public async Task AGoodPush_IsTaken_AndDecryptsToItsPlaintext()
    {
        var subscription = _push.Subscribe(_server.Public);

        await SendAsync(subscription, "héllo, technician");

        var received = Assert.Single(_push.Messages);
        Assert.Equal("héllo, technician", received.Plaintext);
        Assert.Equal("mailto:ops@example.com", received.VapidSubject);
    }

    [Fact]
    public async Task AnExpiredToken_IsRefusedWith401()
    {
        var subscription = _push.Subscribe(_server.Public);
        _push.Time = new ShiftedTime(TimeSpan.FromHours(25)); // the push service's now is past the token's exp (at most 24 h ahead)

        await AssertRefusedAsync(() => SendAsync(subscription, "late"), HttpStatusCode.Unauthorized, "expired");
    }

    [Fact]
    public async Task ATokenValidForMoreThanADay_IsRefusedWith401()
    {
        var subscription = _push.Subscribe(_server.Public);
        _push.Time = new ShiftedTime(TimeSpan.FromHours(-24)); // the token's exp is then over 24 h ahead of the push service

        await AssertRefusedAsync(() => SendAsync(subscription, "early"), HttpStatusCode.Unauthorized, "24 hours");
    }

    [Fact]
    public async Task AKeyThatDidNotSignTheToken_IsRefusedWith401()
    {
        var subscription = _push.Subscribe(applicationServerKey: null);
        var header = VapidHeader(_push.Origin).Replace($"k={_server.Public}", $"k={NewKeyPair().Public}", StringComparison.Ordinal);

        var response = await PostAsync(subscription, header, ttl: "60", encoding: "aes128gcm", body: [1, 2, 3]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("signature", Assert.Single(_push.Refusals).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenForAnotherPushService_IsRefusedWith401()
    {
        var subscription = _push.Subscribe(_server.Public);

        var response = await PostAsync(subscription, VapidHeader("https://push.example.net"), ttl: "60", encoding: "aes128gcm", body: [1, 2, 3]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("aud", Assert.Single(_push.Refusals).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyOtherThanTheOneSubscribedWith_IsRefusedWith403()
    {
        var subscription = _push.Subscribe(NewKeyPair().Public);

        await AssertRefusedAsync(() => SendAsync(subscription, "hello"), HttpStatusCode.Forbidden, "not the one the subscription was made with");
    }

    [Fact]
    public async Task APushWithoutTtl_Is400_AndOneNotInAes128gcm_Is415()
    {
        var subscription = _push.Subscribe(_server.Public);

        var noTtl = await PostAsync(subscription, VapidHeader(_push.Origin), ttl: null, encoding: "aes128gcm", body: [1, 2, 3]);
        var oldEncoding = await PostAsync(subscription, VapidHeader(_push.Origin), ttl: "60", encoding: "aesgcm", body: [1, 2, 3]);

        Assert.Equal(HttpStatusCode.BadRequest, noTtl.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, oldEncoding.StatusCode);
        Assert.Empty(_push.Messages);
    }

    [Fact]
    public async Task APushEncryptedToAnotherSubscriptionsKeys_DoesNotDecrypt_AndIs400()
    {
        var subscription = _push.Subscribe(_server.Public);
        var other = _push.Subscribe(_server.Public);
        var misdirected = subscription with { P256dh = other.P256dh, Auth = other.Auth };

        await AssertRefusedAsync(() => SendAsync(misdirected, "for someone else"), HttpStatusCode.BadRequest, "does not decrypt");
    }

    private async Task SendAsync(FakePushSubscription subscription, string text)
    {
        var target = new PushSubscription { Endpoint = subscription.Endpoint.ToString() };
        target.SetKey(PushEncryptionKeyName.P256DH, subscription.P256dh);
        target.SetKey(PushEncryptionKeyName.Auth, subscription.Auth);
        using var vapid = new VapidAuthentication(_server.Public, _server.Private) { Subject = "mailto:ops@example.com" };
        using var http = _push.CreateClient();
        await new PushServiceClient(http) { AutoRetryAfter = false }.RequestPushMessageDeliveryAsync(target, new PushMessage(text) { TimeToLive = 60 }, vapid, VapidAuthenticationScheme.Vapid);
    }

    private async Task AssertRefusedAsync(Func<Task> send, HttpStatusCode status, string reason)
    {
        var refused = await Assert.ThrowsAsync<PushServiceClientException>(send);
        Assert.Equal(status, refused.StatusCode);
        Assert.Contains(reason, Assert.Single(_push.Refusals).Reason, StringComparison.Ordinal);
        Assert.Empty(_push.Messages);
    }

    private string VapidHeader(string audience)
    {
        using var vapid = new VapidAuthentication(_server.Public, _server.Private) { Subject = "mailto:ops@example.com" };
        return "vapid " + vapid.GetVapidSchemeAuthenticationHeaderValueParameter(audience);
    }

    private async Task<HttpResponseMessage> PostAsync(FakePushSubscription subscription, string authorization, string? ttl, string encoding, byte[] body)
    {
        using var http = _push.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Endpoint) { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (ttl is not null) request.Headers.Add("TTL", ttl);
        request.Content.Headers.ContentEncoding.Add(encoding);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await http.SendAsync(request);
    }

    private static (string Public, string Private) NewKeyPair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url.EncodeToString([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]), Base64Url.EncodeToString(parameters.D));
    }

    /// <summary>The push service's clock, moved from the real one.</summary>
    private sealed class ShiftedTime(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + by;
    }
}
