using System.Text.Json.Nodes;

namespace OrleansPortal.Fakes;

/// <summary>SetupIntents: a saved method for later (off-session) charges; made by the hosted page in setup mode, or by the API.</summary>
public sealed partial class FakeStripe
{
    private JsonObject CreateSetupIntent(FakeStripeParams p)
    {
        var (customerId, methodId, description) = (p.String("customer"), p.String("payment_method"), p.String("description"));
        var confirm = p.Bool("confirm") ?? false;
        var usage = p.Enum("usage", "on_session", "off_session") ?? "off_session";
        p.String("return_url");
        var metadata = p.Metadata();
        var types = MethodTypesOf(p);
        p.RejectUnread();

        if (customerId is not null) Get(customerId, "customer", "customer");
        var method = methodId is null ? null : Get(methodId, "payment_method", "payment_method");
        var intent = NewSetupIntent(customerId, metadata ?? [], description, usage, types);
        intent["payment_method"] = methodId;
        intent["status"] = methodId is null ? "requires_payment_method" : "requires_confirmation";
        if (!confirm) return intent;
        if (method is null)
            throw FakeStripeException.Invalid("You cannot confirm this SetupIntent because it's missing a payment method.", "payment_method", "setup_intent_unexpected_state");
        if (_outcomes[methodId!] == ChargeOutcome.Declines)
        {
            intent["status"] = "requires_payment_method";
            intent["payment_method"] = null;
            intent["last_setup_error"] = new JsonObject { ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = "generic_decline", ["message"] = "Your card was declined." };
            Emit((string)intent["id"]!, "setup_intent.setup_failed", intent);
            throw new FakeStripeException(402, "card_error", "Your card was declined.", "card_declined") { Extra = { ["decline_code"] = "generic_decline", ["setup_intent"] = intent.DeepClone() } };
        }

        SucceedSetup(intent, method, customerId);
        return intent;
    }

    private JsonObject NewSetupIntent(string? customerId, JsonObject metadata, string? description, string usage, List<string> types)
    {
        var intent = Create("seti_", "setup_intent", metadata);
        intent["allowed_payment_method_types"] = Strings(types);
        intent["application"] = null;
        intent["automatic_payment_methods"] = null;
        intent["cancellation_reason"] = null;
        intent["client_secret"] = intent["id"] + "_secret_" + RandomToken(24);
        intent["customer"] = customerId;
        intent["description"] = description;
        intent["flow_directions"] = null;
        intent["last_setup_error"] = null;
        intent["latest_attempt"] = null;
        intent["mandate"] = null;
        intent["next_action"] = null;
        intent["on_behalf_of"] = null;
        intent["payment_method"] = null;
        intent["payment_method_options"] = new JsonObject();
        intent["payment_method_types"] = Strings(types);
        intent["single_use_mandate"] = null;
        intent["status"] = "requires_payment_method";
        intent["usage"] = usage;
        return intent;
    }

    // The method is saved to the customer (when there is one), then the intent succeeds.
    private void SucceedSetup(JsonObject intent, JsonObject method, string? customerId)
    {
        if (customerId is not null) Attach(method, customerId);
        intent["payment_method"] = method["id"]!.DeepClone();
        intent["status"] = "succeeded";
        Emit(customerId ?? (string)intent["id"]!, "setup_intent.succeeded", intent);
    }
}
