using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OrleansPortal.Fakes;

/// <summary>
/// A FAKE Stripe for tests and benchmarks: the parts of Stripe's v1 API the portal uses (customers, Checkout Sessions
/// and a hosted checkout page, PaymentIntents, SetupIntents, PaymentMethods, Refunds, Subscriptions), on Kestrel at a
/// free loopback port, for one test-mode account. It checks what Stripe checks (the secret key, form encoding with
/// bracket nesting, unknown parameters, idempotency keys), keeps the objects in memory, and sends each change as an
/// event to <see cref="WebhookUrl"/>, signed as Stripe signs (<see cref="FakeStripeSignature"/>).
/// <para>
/// Thread-safe: every API call and page submit runs under one lock, so objects and the events about them stay
/// consistent. Events go out in the background, several at once, one payment's (or subscription's) in order unless
/// <see cref="HoldEvents"/> is used to reorder them.
/// </para>
/// </summary>
public sealed partial class FakeStripe : IAsyncDisposable
{
    /// <summary>The API version Stripe.net 53.1.0 pins; its <c>ConstructEvent</c> refuses events of any other.</summary>
    public const string ApiVersion = "2026-10-28.endive";

    /// <summary>Stripe's test card that succeeds.</summary>
    public const string SucceedingCard = "4242424242424242";

    /// <summary>Stripe's test card that is declined (card_declined, generic_decline).</summary>
    public const string DecliningCard = "4000000000000002";

    /// <summary>Stripe's test card that can be saved (attached) but whose every charge is declined.</summary>
    public const string AttachesButFailsCard = "4000000000000341";

    /// <summary>Stripe's test IBAN whose SEPA debit is processing at first and succeeds a moment later.</summary>
    public const string SucceedingIban = "DE89370400440532013000";

    /// <summary>Stripe's test IBAN whose SEPA debit is processing at first and then fails.</summary>
    public const string FailingIban = "DE62370400440532013001";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly List<string> _createdInOrder = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _background = [];

    private FakeStripe(WebApplication app)
    {
        _app = app;
        SecretKey = "sk_test_" + RandomToken(24);
        WebhookSecret = "whsec_" + RandomToken(32);
    }

    public string SecretKey { get; }

    public string WebhookSecret { get; }

    /// <summary>Where the fake listens: the app's <c>StripeClientOptions.ApiBase</c>; the hosted checkout pages are here too.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The app's webhook endpoint, where events are posted; while null, events are kept but not posted.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>How long a SEPA or ACH debit stays processing before it settles.</summary>
    public TimeSpan DebitSettlesAfter { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Every PaymentIntent as the API would return it now, in the order created.</summary>
    public IReadOnlyList<JsonObject> PaymentIntents => Snapshot("pi_");

    public IReadOnlyList<JsonObject> Refunds => Snapshot("re_");

    /// <summary>Every Checkout Session as the API would return it now, in the order created.</summary>
    public IReadOnlyList<JsonObject> Sessions => Snapshot("cs_");

    public IReadOnlyList<JsonObject> Subscriptions => Snapshot("sub_");

    public IReadOnlyList<JsonObject> Invoices => Snapshot("in_");

    /// <summary>A fake for a new random account (secret key and webhook signing secret), listening when it returns.</summary>
    public static async Task<FakeStripe> StartAsync()
    {
        var app = FakeLoopbackHost.Create();
        var fake = new FakeStripe(app);
        app.Use(ExplainFailures);
        fake.MapCheckoutPage(app);
        fake.MapApi(app);
        await app.StartAsync();
        fake.BaseUrl = FakeLoopbackHost.BaseUrlOf(app);
        fake.StartDeliveries();
        return fake;
    }

    /// <summary>The object with this id as the API would return it, or null.</summary>
    public JsonObject? Find(string id)
    {
        lock (_gate) return _objects.TryGetValue(id, out var found) ? (JsonObject)found.DeepClone() : null;
    }

    public async ValueTask DisposeAsync()
    {
        StopDeliveries();
        await _stopping.CancelAsync();
        Task[] background;
        lock (_gate) background = [.. _background];
        await Task.WhenAll(background).ContinueWith(_ => { }, TaskScheduler.Default); // they end on cancellation
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    // A bug in the fake itself answers 500 with its stack trace, so the test that met it says what went wrong; Stripe
    // answers api_error there.
    private static async Task ExplainFailures(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception bug) when (bug is not OperationCanceledException && !context.Response.HasStarted)
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new FakeStripeException(500, "api_error", "The FAKE Stripe failed: " + bug).Body().ToJsonString());
        }
    }

    private IReadOnlyList<JsonObject> Snapshot(string prefix)
    {
        lock (_gate) return [.. _createdInOrder.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).Select(id => (JsonObject)_objects[id].DeepClone())];
    }

    // Stores a new object with the fields every Stripe object has; the caller adds the rest.
    private JsonObject Create(string prefix, string type, JsonObject? metadata = null)
    {
        var id = prefix + RandomToken(24);
        var created = new JsonObject
        {
            ["id"] = id,
            ["object"] = type,
            ["created"] = Now,
            ["livemode"] = false,
            ["metadata"] = metadata ?? [],
        };
        _objects[id] = created;
        _createdInOrder.Add(id);
        return created;
    }

    private JsonObject Get(string id, string what, string param = "id") =>
        _objects.TryGetValue(id, out var found) && Prefixed(id, what) ? found : throw FakeStripeException.NoSuch(what, id, param);

    // Work that finishes later (a debit settling) runs in the background and stops with the fake.
    private void Later(TimeSpan delay, Action work)
    {
        var task = Task.Run(async () =>
        {
            await Task.Delay(delay, _stopping.Token);
            lock (_gate) work();
        });
        _background.Add(task);
    }

    private static bool Prefixed(string id, string what) => what switch
    {
        "customer" => id.StartsWith("cus_", StringComparison.Ordinal),
        "checkout.session" => id.StartsWith("cs_", StringComparison.Ordinal),
        "payment_intent" => id.StartsWith("pi_", StringComparison.Ordinal),
        "setup_intent" => id.StartsWith("seti_", StringComparison.Ordinal),
        "payment_method" or "PaymentMethod" => id.StartsWith("pm_", StringComparison.Ordinal),
        "refund" => id.StartsWith("re_", StringComparison.Ordinal),
        "subscription" => id.StartsWith("sub_", StringComparison.Ordinal),
        "charge" => id.StartsWith("ch_", StringComparison.Ordinal),
        "invoice" => id.StartsWith("in_", StringComparison.Ordinal),
        _ => true,
    };

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string RandomToken(int length)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
