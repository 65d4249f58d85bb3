using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansPortal.Fakes;

/// <summary>
/// A FAKE Twilio for tests and benchmarks: Twilio's Messages API (the 2010-04-01 REST API as its public docs describe it)
/// on Kestrel at a free loopback port, for one account. It checks what Twilio checks (basic auth with the account SID and
/// auth token, the form fields, the numbers), records every message it accepts, then plays the carrier: each message
/// turns sent, then delivered (or undelivered or failed for <see cref="UndeliveredNumber"/> and
/// <see cref="FailedNumber"/>), and each change is posted to the message's StatusCallback, signed as Twilio signs
/// (<see cref="FakeTwilioSignature"/>). <see cref="SendInboundAsync"/> plays a customer texting one of our numbers.
/// <para>
/// Thread-safe. Callbacks go out in the background, several messages at once, each message's in order.
/// </para>
/// </summary>
public sealed partial class FakeTwilio : IAsyncDisposable
{
    public const string ApiVersion = "2010-04-01";

    /// <summary>Twilio's own magic test number for an invalid 'To': refused with 400, code 21211.</summary>
    public const string InvalidNumber = "+15005550001";

    /// <summary>Twilio's magic test number for a 'To' that is not a mobile number: refused with 400, code 21614.</summary>
    public const string NotMobileNumber = "+15005550009";

    /// <summary>This fake's: accepted, sent, then undelivered with error 30003 (unreachable handset).</summary>
    public const string UndeliveredNumber = "+351919999003";

    /// <summary>This fake's: accepted, then failed with error 30005 (unknown handset), never sent.</summary>
    public const string FailedNumber = "+351919999005";

    private const int CallbackWorkers = 8;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakeSmsMessage> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Recipient, string Sender), bool> _stopped = new();
    private readonly ConcurrentQueue<FakeWebhookReply> _callbackReplies = new();
    private readonly Channel<string> _toDeliver = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _workers = [];
    private long _sequence;
    private int _pendingCallbacks;
    private int _failures;
    private HttpStatusCode _failureStatus;
    private int _lateAnswers;
    private TimeSpan _lateAnswerDelay;
    private volatile HttpClient _webhooks = new();

    private FakeTwilio(WebApplication app, string accountSid, string authToken)
    {
        _app = app;
        AccountSid = accountSid;
        AuthToken = authToken;
    }

    public string AccountSid { get; }

    public string AuthToken { get; }

    /// <summary>Where the fake listens: the app's <c>Sms:ApiBaseUrl</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Where <see cref="SendInboundAsync"/> posts (the app's inbound webhook, at its public address).</summary>
    public Uri? InboundUrl { get; set; }

    /// <summary>Every accepted message as it stands now, in the order accepted.</summary>
    public IReadOnlyList<FakeSmsMessage> Messages => [.. _messages.Values.OrderBy(m => m.Sequence)];

    /// <summary>The app's answers to the status callbacks posted so far.</summary>
    public IReadOnlyList<FakeWebhookReply> CallbackReplies => [.. _callbackReplies];

    /// <summary>A fake for a new random account ("AC" and 32 hex characters) and auth token, listening when it returns.</summary>
    public static async Task<FakeTwilio> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeTwilio(app, "AC" + RandomHex(), RandomHex());
        fake.MapApi(app);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        for (var i = 0; i < CallbackWorkers; i++) fake._workers.Add(Task.Run(fake.DeliverAsync));
        return fake;
    }

    /// <summary>
    /// Posts webhooks through <paramref name="handler"/> instead of the network: an in-memory test server's, which
    /// answers at any host, so callbacks can name the app's public address. Set it before sending anything.
    /// </summary>
    public void PostWebhooksThrough(HttpMessageHandler handler) => _webhooks = new HttpClient(handler, disposeHandler: false);

    /// <summary>The next <paramref name="count"/> message requests are answered with <paramref name="status"/> (429, 500, 503) and Twilio's error body.</summary>
    public void FailNextRequests(int count, HttpStatusCode status)
    {
        _failureStatus = status;
        Volatile.Write(ref _failures, count);
    }

    /// <summary>
    /// The next <paramref name="count"/> messages are taken (recorded, then delivered) but answered only after
    /// <paramref name="delay"/>, as when Twilio is slow or the answer is lost: a sender that gives up first cannot tell
    /// whether Twilio has the message.
    /// </summary>
    public void AnswerLate(int count, TimeSpan delay)
    {
        _lateAnswerDelay = delay;
        Volatile.Write(ref _lateAnswers, count);
    }

    /// <summary>The first accepted message that matches, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<FakeSmsMessage> WaitForMessageAsync(Func<FakeSmsMessage, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (Messages.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>Returns once every status callback queued so far was posted (or <paramref name="timeout"/> passed: then throws).</summary>
    public async Task WaitForCallbacksAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Volatile.Read(ref _pendingCallbacks) > 0) await Task.Delay(20, deadline.Token);
    }

    /// <summary>
    /// A customer texts <paramref name="body"/> from <paramref name="from"/> to our number <paramref name="to"/>: posted,
    /// signed, to <see cref="InboundUrl"/>; returns the app's answer (TwiML). As Twilio does, STOP words block later
    /// messages from that number to the customer (code 21610) and START words lift that.
    /// </summary>
    public async Task<FakeWebhookReply> SendInboundAsync(string from, string to, string body)
    {
        var url = InboundUrl ?? throw new InvalidOperationException("Set InboundUrl first.");
        switch (body.Trim().ToUpperInvariant())
        {
            case "STOP" or "STOPALL" or "UNSUBSCRIBE" or "CANCEL" or "END" or "QUIT":
                _stopped[(from, to)] = true;
                break;
            case "START" or "YES" or "UNSTOP":
                _stopped.TryRemove((from, to), out _);
                break;
        }

        var sid = "SM" + RandomHex();
        // In no particular order: the signature sorts them.
        return await PostSignedAsync(url, [
            new("To", to), new("From", from), new("Body", body), new("MessageSid", sid), new("SmsMessageSid", sid), new("SmsSid", sid),
            new("AccountSid", AccountSid), new("NumMedia", "0"), new("NumSegments", "1"), new("SmsStatus", "received"), new("ApiVersion", ApiVersion),
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        _toDeliver.Writer.TryComplete();
        await _stopping.CancelAsync();
        await Task.WhenAll(_workers).ContinueWith(_ => { }, TaskScheduler.Default); // workers end on cancellation
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    // Plays the carrier for one message at a time per worker: each status is stored, then posted.
    private async Task DeliverAsync()
    {
        await foreach (var sid in _toDeliver.Reader.ReadAllAsync(_stopping.Token))
        {
            try
            {
                var message = _messages[sid];
                if (message.To == FailedNumber)
                {
                    await ChangeStatusAsync(message with { Status = "failed", ErrorCode = 30005 });
                    continue;
                }

                message = await ChangeStatusAsync(message with { Status = "sent", DateSent = DateTimeOffset.UtcNow });
                await ChangeStatusAsync(message.To == UndeliveredNumber ? message with { Status = "undelivered", ErrorCode = 30003 } : message with { Status = "delivered" });
            }
            finally
            {
                Interlocked.Decrement(ref _pendingCallbacks);
            }
        }
    }

    private async Task<FakeSmsMessage> ChangeStatusAsync(FakeSmsMessage message)
    {
        _messages[message.Sid] = message;
        if (message.StatusCallback is not { } url) return message;
        List<KeyValuePair<string, string>> fields =
        [
            new("MessageStatus", message.Status), new("MessageSid", message.Sid), new("SmsStatus", message.Status), new("SmsSid", message.Sid),
            new("To", message.To), new("From", message.From ?? ""), new("AccountSid", message.AccountSid), new("ApiVersion", ApiVersion),
        ];
        if (message.ErrorCode is { } code) fields.Add(new("ErrorCode", code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (message.MessagingServiceSid is { } service) fields.Add(new("MessagingServiceSid", service));
        _callbackReplies.Enqueue(await PostSignedAsync(url, fields));
        return message;
    }

    private async Task<FakeWebhookReply> PostSignedAsync(Uri url, List<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", FakeTwilioSignature.Compute(AuthToken, url.OriginalString, fields));
        try
        {
            using var response = await _webhooks.SendAsync(request, _stopping.Token);
            return new FakeWebhookReply(url, response.StatusCode, await response.Content.ReadAsStringAsync(_stopping.Token));
        }
        catch (HttpRequestException ex)
        {
            return new FakeWebhookReply(url, 0, ex.Message); // the app was not there: Twilio gives up the same way
        }
    }

    private static string RandomHex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
