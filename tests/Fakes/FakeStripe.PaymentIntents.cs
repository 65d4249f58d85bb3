using System.Text.Json.Nodes;

namespace OrleansPortal.Fakes;

/// <summary>
/// PaymentIntents and the charges behind them: create (and confirm, off-session with a saved method), retrieve; and
/// <see cref="Pay"/>, which every payment (API, hosted page, renewal) goes through, so a test card behaves the same way
/// wherever it is used.
/// </summary>
public sealed partial class FakeStripe
{
    private JsonObject CreatePaymentIntent(FakeStripeParams p)
    {
        var amount = p.Long("amount") ?? throw FakeStripeException.Missing("amount");
        var currency = (p.String("currency") ?? throw FakeStripeException.Missing("currency")).ToLowerInvariant();
        var (customerId, methodId, description, receiptEmail) = (p.String("customer"), p.String("payment_method"), p.String("description"), p.String("receipt_email"));
        var offSession = p.Bool("off_session") ?? false;
        var confirm = p.Bool("confirm") ?? false;
        var futureUsage = p.Enum("setup_future_usage", "on_session", "off_session");
        var metadata = p.Metadata();
        var types = MethodTypesOf(p);
        p.RejectUnread();

        if (amount < 50) throw FakeStripeException.Invalid($"Amount must be at least 50 cents ({currency}).", "amount", "amount_too_small");
        if (amount > 99_999_999) throw FakeStripeException.Invalid("Amount must be no more than 999,999.99.", "amount", "amount_too_large");
        if (offSession && !confirm) throw FakeStripeException.Invalid("`off_session` can only be used when `confirm=true`.", "off_session");
        if (customerId is not null) Get(customerId, "customer", "customer");
        var method = methodId is null ? null : Get(methodId, "payment_method", "payment_method");
        if (method?["customer"] is JsonValue owner && owner.GetValue<string>() != customerId)
            throw FakeStripeException.Invalid($"The provided PaymentMethod {methodId} is attached to another Customer than the one given.", "payment_method");
        if (method is not null && !types.Contains((string)method["type"]!)) types.Add((string)method["type"]!);

        var intent = NewIntent(amount, currency, customerId, metadata ?? [], description, futureUsage, types);
        intent["receipt_email"] = receiptEmail;
        intent["payment_method"] = methodId;
        intent["status"] = methodId is null ? "requires_payment_method" : "requires_confirmation";
        if (!confirm) return intent;
        if (method is null)
            throw FakeStripeException.Invalid("You cannot confirm this PaymentIntent because it's missing a payment method.", "payment_method", "payment_intent_unexpected_state");
        Pay(intent, method, (string)intent["id"]!);
        if ((string?)intent["status"] == "requires_payment_method") throw CardDeclined(intent, method);
        return intent;
    }

    private JsonObject NewIntent(long amount, string currency, string? customerId, JsonObject metadata, string? description, string? futureUsage, List<string> types)
    {
        var intent = Create("pi_", "payment_intent", metadata);
        var id = (string)intent["id"]!;
        intent["amount"] = amount;
        intent["amount_capturable"] = 0;
        intent["amount_details"] = new JsonObject { ["tip"] = new JsonObject() };
        intent["amount_received"] = 0;
        intent["allowed_payment_method_types"] = Strings(types);
        intent["application"] = null;
        intent["application_fee_amount"] = null;
        intent["automatic_payment_methods"] = null;
        intent["canceled_at"] = null;
        intent["cancellation_reason"] = null;
        intent["capture_method"] = "automatic_async";
        intent["client_secret"] = id + "_secret_" + RandomToken(24);
        intent["confirmation_method"] = "automatic";
        intent["currency"] = currency;
        intent["customer"] = customerId;
        intent["description"] = description;
        intent["last_payment_error"] = null;
        intent["latest_charge"] = null;
        intent["next_action"] = null;
        intent["on_behalf_of"] = null;
        intent["payment_method"] = null;
        intent["payment_method_options"] = new JsonObject();
        intent["payment_method_types"] = Strings(types);
        intent["processing"] = null;
        intent["receipt_email"] = null;
        intent["review"] = null;
        intent["setup_future_usage"] = futureUsage;
        intent["shipping"] = null;
        intent["statement_descriptor"] = null;
        intent["statement_descriptor_suffix"] = null;
        intent["status"] = "requires_payment_method";
        intent["transfer_data"] = null;
        intent["transfer_group"] = null;
        return intent;
    }

    /// <summary>
    /// Charges <paramref name="method"/> for the intent as the method's test card or account says: succeeded at once
    /// (a card), declined (card_declined; the intent asks for another method), or processing and settled a moment later
    /// (a debit), unless a renewal forces <paramref name="outcome"/>. Events go to <paramref name="stream"/>;
    /// <paramref name="settled"/> runs once the outcome is final.
    /// </summary>
    private void Pay(JsonObject intent, JsonObject method, string stream, Action<bool>? settled = null, ChargeOutcome? outcome = null)
    {
        outcome ??= _outcomes[(string)method["id"]!];
        var charge = NewCharge(intent, method);
        intent["latest_charge"] = charge["id"]!.DeepClone();
        intent["payment_method"] = method["id"]!.DeepClone();
        switch (outcome)
        {
            case ChargeOutcome.Succeeds:
                Settle(intent, charge, stream, succeeded: true);
                settled?.Invoke(true);
                break;
            case ChargeOutcome.Declines:
                Fail(intent, charge, method, stream, "card_declined", "generic_decline", "Your card was declined.");
                settled?.Invoke(false);
                break;
            default:
                intent["status"] = "processing";
                intent["processing"] = new JsonObject { ["type"] = method["type"]!.DeepClone() };
                charge["status"] = "pending";
                Emit(stream, "payment_intent.processing", intent);
                var succeeds = outcome == ChargeOutcome.SettlesLater;
                Later(DebitSettlesAfter, () =>
                {
                    intent["processing"] = null;
                    if (succeeds) Settle(intent, charge, stream, succeeded: true);
                    else Fail(intent, charge, method, stream, "insufficient_funds", null, "The customer's account has insufficient funds to cover this payment.");
                    settled?.Invoke(succeeds);
                });
                break;
        }
    }

    private void Settle(JsonObject intent, JsonObject charge, string stream, bool succeeded)
    {
        charge["status"] = succeeded ? "succeeded" : "failed";
        charge["paid"] = succeeded;
        charge["captured"] = succeeded;
        charge["amount_captured"] = succeeded ? charge["amount"]!.DeepClone() : 0;
        charge["outcome"] = new JsonObject
        {
            ["network_status"] = "approved_by_network",
            ["reason"] = null,
            ["risk_level"] = "normal",
            ["seller_message"] = "Payment complete.",
            ["type"] = "authorized",
        };
        intent["status"] = "succeeded";
        intent["amount_received"] = intent["amount"]!.DeepClone();
        Emit(stream, "payment_intent.succeeded", intent);
    }

    private void Fail(JsonObject intent, JsonObject charge, JsonObject method, string stream, string code, string? declineCode, string message)
    {
        charge["status"] = "failed";
        charge["failure_code"] = code;
        charge["failure_message"] = message;
        charge["outcome"] = new JsonObject
        {
            ["network_status"] = "declined_by_network",
            ["reason"] = declineCode,
            ["risk_level"] = "normal",
            ["seller_message"] = "The bank did not return any further details with this decline.",
            ["type"] = "issuer_declined",
        };
        intent["status"] = "requires_payment_method";
        intent["payment_method"] = null; // Stripe unsets the method that failed
        intent["last_payment_error"] = new JsonObject
        {
            ["type"] = "card_error",
            ["code"] = code,
            ["decline_code"] = declineCode,
            ["message"] = message,
            ["charge"] = charge["id"]!.DeepClone(),
            ["payment_method"] = method.DeepClone(),
        };
        Emit(stream, "payment_intent.payment_failed", intent);
    }

    private JsonObject NewCharge(JsonObject intent, JsonObject method)
    {
        var charge = Create("ch_", "charge", (JsonObject)intent["metadata"]!.DeepClone());
        var type = (string)method["type"]!;
        charge["amount"] = intent["amount"]!.DeepClone();
        charge["amount_captured"] = 0;
        charge["amount_refunded"] = 0;
        charge["balance_transaction"] = "txn_" + RandomToken(24);
        charge["billing_details"] = method["billing_details"]!.DeepClone();
        charge["captured"] = false;
        charge["currency"] = intent["currency"]!.DeepClone();
        charge["customer"] = intent["customer"]?.DeepClone();
        charge["description"] = intent["description"]?.DeepClone();
        charge["disputed"] = false;
        charge["failure_code"] = null;
        charge["failure_message"] = null;
        charge["outcome"] = null;
        charge["paid"] = false;
        charge["payment_intent"] = intent["id"]!.DeepClone();
        charge["payment_method"] = method["id"]!.DeepClone();
        charge["payment_method_details"] = new JsonObject { ["type"] = type, [type] = method[type]!.DeepClone() };
        charge["receipt_email"] = intent["receipt_email"]?.DeepClone();
        charge["receipt_url"] = new Uri(BaseUrl, "receipts/" + charge["id"]).ToString();
        charge["refunded"] = false;
        charge["status"] = "pending";
        return charge;
    }

    private static FakeStripeException CardDeclined(JsonObject intent, JsonObject method)
    {
        var error = (JsonObject)intent["last_payment_error"]!;
        return new FakeStripeException(402, "card_error", (string)error["message"]!, (string)error["code"]!)
        {
            Extra =
            {
                ["decline_code"] = error["decline_code"]?.DeepClone(),
                ["charge"] = error["charge"]!.DeepClone(),
                ["payment_intent"] = intent.DeepClone(),
                ["payment_method"] = method.DeepClone(),
            },
        };
    }
}
