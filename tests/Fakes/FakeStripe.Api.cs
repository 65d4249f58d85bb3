using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrleansPortal.Fakes;

/// <summary>
/// The fake's API side: every <c>/v1</c> call goes through one door that checks the key, parses the parameters, applies
/// idempotency and <c>expand</c>, and routes to the resource (the Fake­Stripe.{Resource}.cs files).
/// </summary>
public sealed partial class FakeStripe
{
    // The creates: each must carry an Idempotency-Key here (see RequireIdempotencyKey).
    private static readonly HashSet<string> Creates = new(StringComparer.Ordinal)
    {
        "v1/customers", "v1/checkout/sessions", "v1/payment_intents", "v1/setup_intents", "v1/refunds", "v1/subscriptions",
    };

    private readonly Dictionary<string, SavedReply> _idempotent = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);

    private void MapApi(IEndpointRouteBuilder app) => app.Map("{**path}", HandleAsync);

    private delegate JsonObject Handler(FakeStripeParams p);

    private Handler? Route(string method, string[] s) => (method, s) switch
    {
        ("POST", ["v1", "customers"]) => CreateCustomer,
        ("GET", ["v1", "customers", var id]) => p => Get(id, "customer"),
        ("GET", ["v1", "customers", var id, "payment_methods"]) => p => ListPaymentMethods(p, id),
        ("POST", ["v1", "checkout", "sessions"]) => CreateSession,
        ("GET", ["v1", "checkout", "sessions", var id]) => p => Get(id, "checkout.session"),
        ("POST", ["v1", "checkout", "sessions", var id, "expire"]) => p => ExpireSession(id),
        ("POST", ["v1", "payment_intents"]) => CreatePaymentIntent,
        ("GET", ["v1", "payment_intents", var id]) => p => Get(id, "payment_intent"),
        ("POST", ["v1", "setup_intents"]) => CreateSetupIntent,
        ("GET", ["v1", "setup_intents", var id]) => p => Get(id, "setup_intent"),
        ("GET", ["v1", "payment_methods"]) => p => ListPaymentMethods(p, p.RequiredString("customer")),
        ("GET", ["v1", "payment_methods", var id]) => p => Get(id, "payment_method"),
        ("POST", ["v1", "payment_methods", var id, "detach"]) => p => DetachPaymentMethod(id),
        ("POST", ["v1", "refunds"]) => CreateRefund,
        ("GET", ["v1", "refunds", var id]) => p => Get(id, "refund"),
        ("GET", ["v1", "charges", var id]) => p => Get(id, "charge"),
        ("GET", ["v1", "invoices", var id]) => p => Get(id, "invoice"),
        ("POST", ["v1", "invoices", var id, "pay"]) => p => PayInvoice(p, id),
        ("GET", ["v1", "subscriptions", var id]) => p => Get(id, "subscription"),
        ("POST", ["v1", "subscriptions", var id]) => p => UpdateSubscription(p, id),
        ("DELETE", ["v1", "subscriptions", var id]) => p => CancelSubscription(p, id),
        _ => null,
    };

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries); // the SDK writes "//v1/..." after a base ending in '/'
        var path = string.Join('/', segments);
        string? key = null;
        var claimed = false;
        try
        {
            Authenticate(request);
            var route = Route(request.Method, segments)
                ?? throw new FakeStripeException(404, "invalid_request_error", $"Unrecognized request URL ({request.Method}: /{path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.");
            var p = await ReadParamsAsync(request);
            if (request.Method == "POST")
            {
                key = request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } k ? k : null;
                if (key is null && Creates.Contains(path)) throw RequireIdempotencyKey(path);
                if (key is not null)
                {
                    if (Replay(key, path, p) is { } saved)
                    {
                        await WriteAsync(context, saved.Status, saved.Body, key, replayed: true);
                        return;
                    }

                    claimed = true;
                }
            }

            var (status, body) = Execute(route, p);
            if (key is not null && (status < 400 || status == 402)) Save(key, path, p, status, body); // Stripe keeps what ran, not what failed validation
            await WriteAsync(context, status, body, key, replayed: false);
        }
        catch (FakeStripeException refused)
        {
            await WriteAsync(context, refused.Status, refused.Body().ToJsonString(), key, replayed: false);
        }
        finally
        {
            if (claimed)
            {
                lock (_gate) _inFlight.Remove(key!);
            }
        }
    }

    // One call under the lock: read, act, answer with the object as it now is (expanded where asked).
    private (int Status, string Body) Execute(Handler route, FakeStripeParams p)
    {
        lock (_gate)
        {
            try
            {
                var expand = p.Strings("expand");
                var result = (JsonObject)route(p).DeepClone();
                p.RejectUnread(); // a retrieve reads nothing; a change refused unknown parameters before it acted
                foreach (var field in expand) Expand(result, field);
                return (200, result.ToJsonString());
            }
            catch (FakeStripeException card) when (card.Status == 402)
            {
                return (402, card.Body().ToJsonString());
            }
        }
    }

    // Replaces an id with the object it names ("payment_intent", "latest_charge", "subscription.latest_invoice").
    private void Expand(JsonObject target, string field)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var (head, rest) = dot < 0 ? (field, null) : (field[..dot], field[(dot + 1)..]);
        if (target[head] is JsonValue value && value.TryGetValue<string>(out var id) && _objects.TryGetValue(id, out var found))
            target[head] = found.DeepClone();
        else if (head == "line_items" && target["object"]?.GetValue<string>() == "checkout.session" && _lineItems.TryGetValue((string)target["id"]!, out var items))
            target[head] = ListOf(items, $"/v1/checkout/sessions/{target["id"]}/line_items");
        if (rest is not null && target[head] is JsonObject inner) Expand(inner, rest);
    }

    private SavedReply? Replay(string key, string path, FakeStripeParams p)
    {
        lock (_gate)
        {
            if (_idempotent.TryGetValue(key, out var saved))
            {
                if (saved.Path == path && saved.Parameters == p.Canonical()) return saved;
                throw new FakeStripeException(400, "idempotency_error",
                    $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.");
            }

            if (!_inFlight.Add(key))
                throw new FakeStripeException(409, "idempotency_error", "There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): " + key + ". Please try again later.");
            return null;
        }
    }

    private void Save(string key, string path, FakeStripeParams p, int status, string body)
    {
        lock (_gate) _idempotent[key] = new SavedReply(path, p.Canonical(), status, body);
    }

    // Bearer with the secret key, or HTTP basic with the key as user name and no password (curl -u sk_test_...:).
    private void Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        string? given = null;
        if (header.StartsWith("Bearer ", StringComparison.Ordinal)) given = header["Bearer ".Length..].Trim();
        else if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            try
            {
                given = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())).Split(':')[0];
            }
            catch (FormatException)
            {
                given = "";
            }
        }

        if (given is null)
            throw new FakeStripeException(401, "invalid_request_error", "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(SecretKey)))
            throw new FakeStripeException(401, "invalid_request_error", $"Invalid API Key provided: {Redacted(given)}");
    }

    private static async Task<FakeStripeParams> ReadParamsAsync(HttpRequest request)
    {
        var pairs = FakeStripeParams.Decode(request.QueryString.Value ?? "");
        if (request.Method is "POST")
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            if (body.Length > 0 && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
                throw FakeStripeException.Invalid("Invalid request: Stripe's API takes application/x-www-form-urlencoded bodies (JSON is not accepted).");
            pairs.AddRange(FakeStripeParams.Decode(body));
        }

        return FakeStripeParams.Parse(pairs);
    }

    private static FakeStripeException RequireIdempotencyKey(string path) => FakeStripeException.Invalid(
        $"The fake Stripe requires an Idempotency-Key header on POST /{path}: Stripe accepts a create without one, but the product must send its own key so that a retried create cannot create or charge twice.",
        code: "idempotency_key_required");

    private static async Task WriteAsync(HttpContext context, int status, string body, string? key, bool replayed)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.Headers["Request-Id"] = "req_" + RandomToken(14);
        response.Headers["Stripe-Version"] = ApiVersion;
        if (key is not null) response.Headers["Idempotency-Key"] = key;
        if (replayed) response.Headers["Idempotent-Replayed"] = "true";
        await response.WriteAsync(body);
    }

    private static JsonObject ListOf(IEnumerable<JsonNode?> items, string url) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. items.Select(i => i?.DeepClone())]),
        ["has_more"] = false,
        ["url"] = url,
    };

    private static string Redacted(string key) =>
        key.Length > 12 ? string.Concat(key.AsSpan(0, 8), new string('*', key.Length - 12), key.AsSpan(key.Length - 4)) : key;

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record SavedReply(string Path, string Parameters, int Status, string Body);
}
