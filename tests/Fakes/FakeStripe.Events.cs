using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace OrleansPortal.Fakes;

/// <summary>
/// Events and their delivery: each change becomes an event (Stripe's envelope, this SDK's API version), recorded in
/// <see cref="Events"/> and posted, signed, to <see cref="WebhookUrl"/>. Events of one stream (a payment, a
/// subscription, a customer) go through one lane, in order; lanes run side by side, so events about different objects
/// arrive interleaved, as Stripe's do.
/// </summary>
public sealed partial class FakeStripe
{
    private const int Lanes = 8;

    private readonly List<FakeStripeEvent> _events = [];
    private readonly List<FakeStripeEvent> _held = [];
    private readonly ConcurrentQueue<FakeStripeDelivery> _deliveries = new();
    private readonly Channel<FakeStripeEvent>[] _lanes = [.. Enumerable.Range(0, Lanes).Select(_ => Channel.CreateUnbounded<FakeStripeEvent>())];
    private bool _holding;
    private int _pending;
    private volatile HttpClient _webhooks = new();

    /// <summary>Each event is posted twice in a row (same id and body, signed afresh), as Stripe may redeliver.</summary>
    public bool SendEveryEventTwice { get; set; }

    /// <summary>Every event made so far (sent, held, or kept for want of a <see cref="WebhookUrl"/>), in the order made.</summary>
    public IReadOnlyList<FakeStripeEvent> Events
    {
        get
        {
            lock (_gate) return [.. _events];
        }
    }

    /// <summary>The app's answers to the events posted so far, in the order answered.</summary>
    public IReadOnlyList<FakeStripeDelivery> WebhookReplies => [.. _deliveries];

    /// <summary>
    /// Posts webhooks through <paramref name="handler"/> instead of the network: an in-memory test server's, which
    /// answers at any host, so <see cref="WebhookUrl"/> can name the app's public address. Set it before anything is sent.
    /// </summary>
    public void PostWebhooksThrough(HttpMessageHandler handler) => _webhooks = new HttpClient(handler, disposeHandler: false);

    /// <summary>From now on events are kept back (still recorded) until <see cref="ReleaseHeldEventsAsync"/>.</summary>
    public void HoldEvents()
    {
        lock (_gate) _holding = true;
    }

    /// <summary>
    /// Posts the held events one after another, in the order made or, with <paramref name="reverse"/>, newest first
    /// (a payment's success before its session's completion, a renewal before the subscription exists), and stops holding.
    /// </summary>
    public async Task ReleaseHeldEventsAsync(bool reverse = false)
    {
        List<FakeStripeEvent> held;
        lock (_gate)
        {
            held = [.. _held];
            _held.Clear();
            _holding = false;
        }

        if (reverse) held.Reverse();
        foreach (var e in held) await DeliverAsync(e);
    }

    /// <summary>
    /// Takes the held events (in the order made) for the caller to post itself, e.g. shuffled and many at once, with
    /// <see cref="PostEventAsync"/>; the fake stops holding.
    /// </summary>
    public IReadOnlyList<FakeStripeEvent> TakeHeldEvents()
    {
        lock (_gate)
        {
            List<FakeStripeEvent> held = [.. _held];
            _held.Clear();
            _holding = false;
            return held;
        }
    }

    /// <summary>Posts one event now, signed afresh with the endpoint's secret (once, whatever <see cref="SendEveryEventTwice"/> says); returns the app's answer.</summary>
    public Task<FakeStripeDelivery> PostEventAsync(FakeStripeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return PostAsync(e, WebhookSecret, wronglySigned: false);
    }

    /// <summary>Posts <paramref name="e"/>'s body signed with another secret, as a forger replaying or altering an event would.</summary>
    public Task<FakeStripeDelivery> PostWronglySignedAsync(FakeStripeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return PostAsync(e, "whsec_" + RandomToken(32), wronglySigned: true);
    }

    /// <summary>Returns once every event queued so far was posted and answered (or <paramref name="timeout"/> passed: then throws).</summary>
    public async Task WaitForWebhooksAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Volatile.Read(ref _pending) > 0) await Task.Delay(20, deadline.Token);
    }

    /// <summary>
    /// Sends an event of any <paramref name="type"/> about <paramref name="data"/> (a Stripe object's JSON, with its
    /// "object" field) right away, signed, past any hold (twice when <see cref="SendEveryEventTwice"/>); returns the
    /// app's (last) answer.
    /// </summary>
    public async Task<FakeStripeDelivery> SendEventAsync(string type, JsonObject data)
    {
        FakeStripeEvent e;
        lock (_gate) e = Record(type, data, null);
        var reply = await PostAsync(e, WebhookSecret, wronglySigned: false);
        return SendEveryEventTwice ? await PostAsync(e, WebhookSecret, wronglySigned: false) : reply;
    }

    /// <summary>Sends an event signed with another secret, as a forger would; it is not recorded in <see cref="Events"/>.</summary>
    public Task<FakeStripeDelivery> SendWronglySignedEventAsync(string type, JsonObject data) => PostWronglySignedAsync(Forge(type, data));

    /// <summary>An event of <paramref name="type"/> about <paramref name="data"/> that the account never made (not recorded, not sent), for a forger to post.</summary>
    public static FakeStripeEvent Forge(string type, JsonObject data) => Envelope(type, data, null);

    // Called under the lock by every change: records the event and queues it on its stream's lane (or holds it).
    private void Emit(string stream, string type, JsonObject data, JsonObject? previous = null)
    {
        var e = Record(type, data, previous);
        if (_holding)
        {
            _held.Add(e);
            return;
        }

        Interlocked.Increment(ref _pending);
        _lanes[(stream.GetHashCode(StringComparison.Ordinal) & int.MaxValue) % Lanes].Writer.TryWrite(e);
    }

    private FakeStripeEvent Record(string type, JsonObject data, JsonObject? previous)
    {
        var e = Envelope(type, data, previous);
        _events.Add(e);
        return e;
    }

    private static FakeStripeEvent Envelope(string type, JsonObject data, JsonObject? previous)
    {
        var id = "evt_" + RandomToken(24);
        var body = new JsonObject { ["object"] = data.DeepClone() };
        if (previous is not null) body["previous_attributes"] = previous.DeepClone();
        var envelope = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = ApiVersion,
            ["created"] = Now,
            ["data"] = body,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        };
        return new FakeStripeEvent(id, type, (string?)data["id"] ?? "", envelope.ToJsonString());
    }

    private void StartDeliveries()
    {
        foreach (var lane in _lanes)
        {
            _background.Add(Task.Run(async () =>
            {
                await foreach (var e in lane.Reader.ReadAllAsync(_stopping.Token))
                {
                    try
                    {
                        await DeliverAsync(e);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _pending);
                    }
                }
            }));
        }
    }

    private void StopDeliveries()
    {
        foreach (var lane in _lanes) lane.Writer.TryComplete();
    }

    private async Task DeliverAsync(FakeStripeEvent e)
    {
        if (WebhookUrl is null) return; // an account without an endpoint: Stripe keeps the event, posts nothing
        await PostAsync(e, WebhookSecret, wronglySigned: false);
        if (SendEveryEventTwice) await PostAsync(e, WebhookSecret, wronglySigned: false);
    }

    private async Task<FakeStripeDelivery> PostAsync(FakeStripeEvent e, string secret, bool wronglySigned)
    {
        var url = WebhookUrl ?? throw new InvalidOperationException("Set WebhookUrl first.");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(e.Json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", FakeStripeSignature.Compute(secret, DateTimeOffset.UtcNow, e.Json));
        request.Headers.UserAgent.ParseAdd("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        FakeStripeDelivery delivery;
        try
        {
            using var response = await _webhooks.SendAsync(request, _stopping.Token);
            delivery = new FakeStripeDelivery(e.Id, e.Type, response.StatusCode, await response.Content.ReadAsStringAsync(_stopping.Token), wronglySigned);
        }
        catch (HttpRequestException ex)
        {
            delivery = new FakeStripeDelivery(e.Id, e.Type, 0, ex.Message, wronglySigned); // nobody answered; Stripe would retry later, the fake does not
        }

        _deliveries.Enqueue(delivery);
        return delivery;
    }
}
