using System.Text.Json.Nodes;
using static OrleansPortal.Fakes.FakeStripeJson;

namespace OrleansPortal.Fakes;

/// <summary>Refunds of a succeeded payment, whole or in parts, never more than is left on its charge.</summary>
public sealed partial class FakeStripe
{
    private JsonObject CreateRefund(FakeStripeParams p)
    {
        var (intentId, chargeId) = (p.String("payment_intent"), p.String("charge"));
        var amount = p.Long("amount");
        var reason = p.Enum("reason", "duplicate", "fraudulent", "requested_by_customer");
        p.String("instructions_email");
        var metadata = p.Metadata();
        p.RejectUnread();

        if (intentId is null && chargeId is null) throw FakeStripeException.Invalid("One of the following params should be provided for this request: payment_intent or charge.");
        if (amount is <= 0) throw FakeStripeException.Invalid("Invalid positive integer", "amount", "parameter_invalid_integer");
        var charge = chargeId is not null
            ? Get(chargeId, "charge", "charge")
            : Get(intentId!, "payment_intent", "payment_intent")["latest_charge"]?.GetValue<string>() is { } latest ? _objects[latest] : null;
        if ((string?)charge?["status"] != "succeeded")
            throw FakeStripeException.Invalid("This payment does not have a successful charge to refund.", intentId is null ? "charge" : "payment_intent", "charge_not_refundable");
        var currency = (string)charge!["currency"]!;
        var left = Long(charge["amount"]!) - Long(charge["amount_refunded"]!);
        if (left == 0) throw FakeStripeException.Invalid($"Charge {charge["id"]} has already been refunded.", code: "charge_already_refunded");
        if (amount > left)
            throw FakeStripeException.Invalid(
                $"Refund amount ({FakeStripeMoney.Format(amount.Value, currency)}) is greater than unrefunded amount on charge ({FakeStripeMoney.Format(left, currency)})",
                "amount", "amount_too_large");

        var refund = Create("re_", "refund", metadata);
        refund["amount"] = amount ?? left;
        refund["balance_transaction"] = "txn_" + RandomToken(24);
        refund["charge"] = charge["id"]!.DeepClone();
        refund["currency"] = currency;
        refund["destination_details"] = new JsonObject { ["type"] = charge["payment_method_details"]!["type"]!.DeepClone() };
        refund["payment_intent"] = charge["payment_intent"]!.DeepClone();
        refund["reason"] = reason;
        refund["receipt_number"] = null;
        refund["source_transfer_reversal"] = null;
        refund["status"] = "succeeded";
        refund["transfer_reversal"] = null;
        charge["amount_refunded"] = Long(charge["amount_refunded"]!) + (amount ?? left);
        charge["refunded"] = Long(charge["amount_refunded"]!) == Long(charge["amount"]!);
        var stream = (string)charge["payment_intent"]!;
        Emit(stream, "refund.created", refund);
        Emit(stream, "charge.refunded", charge, new JsonObject { ["amount_refunded"] = Long(charge["amount_refunded"]!) - (amount ?? left) });
        return refund;
    }
}
