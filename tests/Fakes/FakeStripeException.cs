using System.Text.Json.Nodes;

namespace OrleansPortal.Fakes;

/// <summary>
/// A refusal the fake Stripe answers with Stripe's error body, <c>{"error":{"type","code","message","param",...}}</c>,
/// and the status Stripe uses for it (400 bad request, 401 bad key, 402 card declined, 404 no such object, 409 a
/// concurrent use of one idempotency key).
/// </summary>
internal sealed class FakeStripeException(int status, string type, string message, string? code = null, string? param = null) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>Fields added to the error object, such as a card error's <c>payment_intent</c> and <c>decline_code</c>.</summary>
    public JsonObject Extra { get; init; } = [];

    public JsonObject Body()
    {
        var error = new JsonObject { ["type"] = type, ["message"] = Message };
        if (code is not null)
        {
            error["code"] = code;
            error["doc_url"] = "https://stripe.com/docs/error-codes/" + code.Replace('_', '-');
        }

        if (param is not null) error["param"] = param;
        foreach (var (name, value) in Extra) error[name] = value?.DeepClone();
        return new JsonObject { ["error"] = error };
    }

    public static FakeStripeException Invalid(string message, string? param = null, string? code = null) =>
        new(400, "invalid_request_error", message, code, param);

    public static FakeStripeException Missing(string param) =>
        new(400, "invalid_request_error", $"Missing required param: {param}.", "parameter_missing", param);

    public static FakeStripeException NoSuch(string what, string id, string param = "id") =>
        new(404, "invalid_request_error", $"No such {what}: '{id}'", "resource_missing", param);
}
