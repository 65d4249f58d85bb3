using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansPortal.Fakes;

/// <summary>
/// A FAKE Web Push service (the part of Chrome's or Firefox's push service an application server talks to, RFC 8030) on
/// Kestrel at a free loopback port (<see cref="Address"/>), known to phones by a public https origin of its own
/// (<see cref="Origin"/>): its endpoints are on that origin, on its default port, as real push services' are, and the
/// sender reaches <see cref="Address"/> by routing them there (the app's <c>Notifications:WebPush:ServiceUrl</c>, or
/// <see cref="CreateClient"/>). <see cref="Subscribe"/> plays the browser: it makes the P-256 key pair and auth
/// secret and hands out endpoint, p256dh and auth. <c>POST /push/{id}</c> is checked as the RFCs say: VAPID
/// (<see cref="FakeVapid"/>, 401; a key other than the one subscribed with, 403), a TTL header (400), an Urgency
/// header if any (400), <c>Content-Encoding: aes128gcm</c> (415), at most 4096 bytes (413); the body is then decrypted
/// with the subscription's keys (<see cref="FakePushDecryption"/>, 400 when it does not decrypt) and recorded; the answer
/// is 201 with a Location, as push services give. Thread-safe.
/// </summary>
public sealed class FakePushService : IAsyncDisposable
{
    /// <summary>The largest body a push service must take (RFC 8291 section 4).</summary>
    public const int MaxBody = 4096;

    private static readonly string[] Urgencies = ["very-low", "low", "normal", "high"];

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakePushSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _gone = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakePushMessage> _messages = new();
    private readonly ConcurrentQueue<FakePushRefusal> _refusals = new();
    private long _sequence;
    private int _failures;
    private HttpStatusCode _failureStatus;

    private FakePushService(WebApplication app, string origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>The origin of the endpoints the fake hands out: the audience a VAPID token must name (RFC 8292 section 2).</summary>
    public string Origin { get; }

    /// <summary>Where the fake really listens ("http://127.0.0.1:port"): where requests to <see cref="Origin"/> must be sent.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The fake's clock, for the check of the token's expiry.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Every push accepted, in order.</summary>
    public IReadOnlyList<FakePushMessage> Messages => [.. _messages.OrderBy(m => m.Sequence)];

    /// <summary>Every request refused, and why.</summary>
    public IReadOnlyList<FakePushRefusal> Refusals => [.. _refusals];

    /// <param name="origin">The origin its endpoints name; a name under .test (RFC 2606) never reaches a real host.</param>
    public static async Task<FakePushService> StartAsync(string origin = "https://push.fake.test")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakePushService(app, new Uri(origin).GetLeftPart(UriPartial.Authority));
        app.MapPost("/push/{id}", fake.ReceiveAsync);
        await app.StartAsync();
        fake.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return fake;
    }

    /// <summary>An HTTP client whose requests to the fake's endpoints reach it (as the app's ServiceUrl setting does).</summary>
    public HttpClient CreateClient() => new(new ToAddress(Address) { InnerHandler = new HttpClientHandler() });

    /// <summary>
    /// What PushManager.subscribe gives a page: a new subscription with its own key pair and 16-byte auth secret.
    /// <paramref name="applicationServerKey"/> is the VAPID public key the page subscribed with, as browsers require it.
    /// </summary>
    public FakePushSubscription Subscribe(string? applicationServerKey)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        var auth = RandomNumberGenerator.GetBytes(16);
        var subscription = new FakePushSubscription(id, new Uri($"{Origin}/push/{id}"), Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]), Base64Url.EncodeToString(auth), applicationServerKey)
        {
            Key = key,
            AuthSecret = auth,
        };
        _subscriptions[id] = subscription;
        return subscription;
    }

    /// <summary>The browser dropped the subscription (site data cleared, permission revoked): pushes to it get 410 Gone from now on.</summary>
    public void Expire(string subscriptionId) => _gone[subscriptionId] = true;

    /// <summary>The next <paramref name="count"/> pushes are answered with <paramref name="status"/> (429, 500, 503) before any check.</summary>
    public void FailNextRequests(int count, HttpStatusCode status)
    {
        _failureStatus = status;
        Volatile.Write(ref _failures, count);
    }

    /// <summary>The first accepted push that matches, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<FakePushMessage> WaitForMessageAsync(Func<FakePushMessage, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (Messages.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(20, deadline.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var subscription in _subscriptions.Values) subscription.Key.Dispose();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request, string id)
    {
        if (!_subscriptions.TryGetValue(id, out var subscription)) return Refuse(id, HttpStatusCode.NotFound, "no such subscription");
        if (_gone.ContainsKey(id)) return Refuse(id, HttpStatusCode.Gone, "the subscription has expired");
        if (TakeFailure() is { } failure) return Refuse(id, failure, "failing on purpose");

        var (identity, vapidProblem) = FakeVapid.Check(request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, Origin, Time.GetUtcNow());
        if (identity is null) return Refuse(id, HttpStatusCode.Unauthorized, vapidProblem!);
        if (subscription.ApplicationServerKey is { } subscribedWith && subscribedWith != identity.PublicKey)
            return Refuse(id, HttpStatusCode.Forbidden, "the VAPID key is not the one the subscription was made with");
        if (!int.TryParse(request.Headers["TTL"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ttl))
            return Refuse(id, HttpStatusCode.BadRequest, "the TTL header is missing or not a number of seconds");
        var urgency = request.Headers["Urgency"].ToString() is { Length: > 0 } u ? u : "normal";
        if (!Urgencies.Contains(urgency)) return Refuse(id, HttpStatusCode.BadRequest, $"Urgency '{urgency}' is not one of {string.Join(", ", Urgencies)}");
        if (!string.Equals(request.Headers.ContentEncoding.ToString(), "aes128gcm", StringComparison.OrdinalIgnoreCase))
            return Refuse(id, HttpStatusCode.UnsupportedMediaType, $"Content-Encoding is '{request.Headers.ContentEncoding}', not aes128gcm");

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (buffer.Length > MaxBody) return Refuse(id, HttpStatusCode.RequestEntityTooLarge, $"the body is {buffer.Length} bytes, over {MaxBody}");
        var (plaintext, problem) = FakePushDecryption.Decrypt(buffer.ToArray(), subscription);
        if (plaintext is null) return Refuse(id, HttpStatusCode.BadRequest, problem!);

        var topic = request.Headers["Topic"].ToString() is { Length: > 0 } t ? t : null;
        var message = new FakePushMessage(Interlocked.Increment(ref _sequence), id, Encoding.UTF8.GetString(plaintext), ttl, urgency, topic, identity.PublicKey, identity.Subject, Time.GetUtcNow());
        _messages.Enqueue(message);
        return Results.Created($"/message/{message.Sequence}", null);
    }

    private IResult Refuse(string id, HttpStatusCode status, string reason)
    {
        _refusals.Enqueue(new FakePushRefusal(id, status, reason));
        return Results.Text(reason, statusCode: (int)status);
    }

    private sealed class ToAddress(Uri address) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = address.Scheme, Host = address.Host, Port = address.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }

    private HttpStatusCode? TakeFailure()
    {
        while (true)
        {
            var left = Volatile.Read(ref _failures);
            if (left <= 0) return null;
            if (Interlocked.CompareExchange(ref _failures, left - 1, left) == left) return _failureStatus;
        }
    }
}
