using System.Text.Json.Nodes;
using static OrleansPortal.Fakes.FakeStripeJson;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrleansPortal.Fakes;

/// <summary>
/// The hosted checkout page a session's <c>url</c> opens (<c>GET /pay/{id}</c>) and its submit: a good payment completes
/// the session, makes what its mode makes (a payment, a saved method, a subscription), sends the events, and redirects
/// the browser (303) to the success URL; a declined one shows the decline and changes nothing but the failed attempt.
/// </summary>
public sealed partial class FakeStripe
{
    private void MapCheckoutPage(IEndpointRouteBuilder app)
    {
        app.MapGet("/pay/{id}", ShowPage);
        app.MapPost("/pay/{id}", SubmitAsync).DisableAntiforgery();
    }

    private IResult ShowPage(string id)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(id, out var session) || !id.StartsWith("cs_", StringComparison.Ordinal))
                return Results.Content(FakeStripeCheckoutHtml.Gone("This checkout page does not exist."), "text/html; charset=utf-8", statusCode: 404);
            return Page(session, error: null);
        }
    }

    private async Task<IResult> SubmitAsync(string id, HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        string Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : "";
        lock (_gate)
        {
            if (!_objects.TryGetValue(id, out var session) || !id.StartsWith("cs_", StringComparison.Ordinal))
                return Results.Content(FakeStripeCheckoutHtml.Gone("This checkout page does not exist."), "text/html; charset=utf-8", statusCode: 404);
            if ((string?)session["status"] != "open") return Page(session, error: null); // paid or expired: never charged twice
            var (details, error) = FakePaymentDetails.Read(Field, [.. session["payment_method_types"]!.AsArray().Select(t => (string)t!)]);
            error ??= Complete(session, details!);
            if (error is not null) return Page(session, error);
            var target = ((string)session["success_url"]!).Replace("{CHECKOUT_SESSION_ID}", id, StringComparison.Ordinal);
            return new SeeOther(target);
        }
    }

    private IResult Page(JsonObject session, string? error)
    {
        var lines = _lineItems[(string)session["id"]!];
        return Results.Content(FakeStripeCheckoutHtml.Render(session, lines, error), "text/html; charset=utf-8");
    }

    // The payer's details were good: charge or save them as the session's mode says. Returns the decline to show, or null.
    private string? Complete(JsonObject session, FakePaymentDetails details)
    {
        var id = (string)session["id"]!;
        var extras = _sessionExtras[id];
        var mode = (string)session["mode"]!;
        var method = CreatePaymentMethod(details, OutcomeOf(details));
        method["billing_details"]!["email"] = session["customer_email"]?.DeepClone();
        var customerId = (string?)session["customer"];
        if (mode == "setup")
        {
            if (details.Number == DecliningCard) return "Your card was declined.";
            var setup = NewSetupIntent(customerId, [], null, "off_session", [details.Type]);
            SucceedSetup(setup, method, customerId);
            session["setup_intent"] = setup["id"]!.DeepClone();
            Finish(session, "no_payment_required");
            return null;
        }

        if (mode == "subscription" && customerId is null)
        {
            customerId = (string)NewCustomer((string?)session["customer_email"], details.HolderName, null, null, null, [])["id"]!;
            session["customer"] = customerId;
        }

        var intent = session["payment_intent"] is JsonValue existing
            ? _objects[existing.GetValue<string>()]
            : NewIntent(Long(session["amount_total"]!), (string)session["currency"]!, customerId,
                mode == "payment" ? (JsonObject)extras.IntentMetadata.DeepClone() : [], extras.Description,
                mode == "payment" ? extras.FutureUsage : "off_session", [.. session["payment_method_types"]!.AsArray().Select(t => (string)t!)]);
        if (mode == "payment") session["payment_intent"] = intent["id"]!.DeepClone();
        var processing = false;
        Pay(intent, method, id, settled: succeeded =>
        {
            if (succeeded && customerId is not null && (mode == "subscription" || extras.FutureUsage is not null)) Attach(method, customerId);
            if (succeeded && mode == "subscription")
            {
                var subscription = StartSubscription(session, method, intent, extras);
                session["subscription"] = subscription["id"]!.DeepClone();
                session["invoice"] = subscription["latest_invoice"]!.DeepClone();
            }

            if (!processing) return; // a card: decided now, reported by Finish below
            session["payment_status"] = succeeded ? "paid" : "unpaid";
            Emit(id, succeeded ? "checkout.session.async_payment_succeeded" : "checkout.session.async_payment_failed", session);
        });
        processing = (string?)intent["status"] == "processing";
        if ((string?)intent["status"] == "requires_payment_method") return (string)intent["last_payment_error"]!["message"]!;
        Finish(session, processing ? "unpaid" : "paid");
        return null;
    }

    private void Finish(JsonObject session, string paymentStatus)
    {
        session["status"] = "complete";
        session["payment_status"] = paymentStatus;
        session["url"] = null;
        var customer = (string?)session["customer"] is { } c && _objects.TryGetValue(c, out var found) ? found : null;
        session["customer_details"] = new JsonObject
        {
            ["address"] = null,
            ["email"] = customer?["email"]?.DeepClone() ?? session["customer_email"]?.DeepClone(),
            ["name"] = customer?["name"]?.DeepClone(),
            ["phone"] = null,
            ["tax_exempt"] = "none",
            ["tax_ids"] = new JsonArray(),
        };
        Emit((string)session["id"]!, "checkout.session.completed", session);
    }

    private static ChargeOutcome OutcomeOf(FakePaymentDetails details) => details.Number switch
    {
        DecliningCard or AttachesButFailsCard => ChargeOutcome.Declines,
        FailingIban or FakePaymentDetails.FailingAccountNumber => ChargeOutcome.FailsLater,
        _ => details.Type == "card" ? ChargeOutcome.Succeeds : ChargeOutcome.SettlesLater,
    };

    // Stripe answers a completed checkout with 303 See Other, so the browser GETs the success page.
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
