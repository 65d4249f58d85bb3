using System.Text.Json.Nodes;
using static OrleansPortal.Fakes.FakeStripeJson;

namespace OrleansPortal.Fakes;

/// <summary>
/// Subscriptions: begun by a paid subscription-mode checkout; retrieved, updated (cancel at period end, pause
/// collection), cancelled by the API; renewed when a test says so (<see cref="RenewAsync"/>). As in this API version,
/// the current period lives on the subscription's item, and an invoice names its subscription under
/// <c>parent.subscription_details</c>.
/// </summary>
public sealed partial class FakeStripe
{
    // A renewal invoice whose charge failed, retried by the next RenewAsync instead of a new period.
    private readonly Dictionary<string, string> _unpaidRenewals = new(StringComparer.Ordinal);

    /// <summary>
    /// Plays a renewal. A period ends: a subscription set to cancel at period end ends (<c>customer.subscription.deleted</c>);
    /// one whose collection is paused gets its invoice drafted, voided or marked uncollectible without a charge; any
    /// other advances a period and its invoice is charged, paid (<c>invoice.paid</c>, billing_reason subscription_cycle)
    /// when <paramref name="succeed"/>, else failed (<c>invoice.payment_failed</c>, the subscription past_due). After a
    /// failure the next call retries that same invoice (attempt_count grows) instead of starting a period.
    /// Returns the invoice, or null when the subscription ended.
    /// </summary>
    public Task<JsonObject?> RenewAsync(string subscriptionId, bool succeed)
    {
        lock (_gate)
        {
            var subscription = Get(subscriptionId, "subscription");
            if ((string?)subscription["status"] is "canceled" or "incomplete_expired")
                throw new InvalidOperationException($"Subscription {subscriptionId} has ended.");
            if (!_unpaidRenewals.TryGetValue(subscriptionId, out var unpaid))
            {
                if ((bool)subscription["cancel_at_period_end"]!)
                {
                    End(subscription, "cancellation_requested");
                    return Task.FromResult<JsonObject?>(null);
                }

                var invoice = NextPeriod(subscription);
                if (subscription["pause_collection"] is JsonObject pause)
                {
                    var (status, type) = (string?)pause["behavior"] switch
                    {
                        "void" => ("void", "invoice.voided"),
                        "mark_uncollectible" => ("uncollectible", "invoice.marked_uncollectible"),
                        _ => ("draft", "invoice.created"),
                    };
                    invoice["status"] = status;
                    Emit(subscriptionId, type, invoice);
                    return Task.FromResult<JsonObject?>((JsonObject)invoice.DeepClone());
                }

                unpaid = (string)invoice["id"]!;
            }

            var renewal = _objects[unpaid];
            Charge(renewal, subscription, succeed ? ChargeOutcome.Succeeds : ChargeOutcome.Declines);
            return Task.FromResult<JsonObject?>((JsonObject)renewal.DeepClone());
        }
    }

    private JsonObject UpdateSubscription(FakeStripeParams p, string id)
    {
        var cancelAtPeriodEnd = p.Bool("cancel_at_period_end");
        var pause = p.Object("pause_collection");
        var behavior = pause is { Value: null } ? pause.Enum("behavior", "keep_as_draft", "mark_uncollectible", "void") ?? throw FakeStripeException.Missing("pause_collection[behavior]") : null;
        var resumesAt = pause is { Value: null } ? pause.Long("resumes_at") : null;
        var methodId = p.String("default_payment_method");
        p.Enum("proration_behavior", "create_prorations", "none", "always_invoice");
        var metadata = p.Metadata();
        p.RejectUnread();

        var subscription = Get(id, "subscription");
        if ((string?)subscription["status"] == "canceled")
            throw FakeStripeException.Invalid("A canceled subscription can only update its cancellation_details and metadata.");
        if (methodId is not null && (string?)Get(methodId, "payment_method", "default_payment_method")["customer"] != (string?)subscription["customer"])
            throw FakeStripeException.Invalid("The customer does not have a payment method with the ID " + methodId + ". The payment method must be attached to the customer.", "default_payment_method");

        var before = (JsonObject)subscription.DeepClone();
        if (cancelAtPeriodEnd is { } cancel) subscription["cancel_at_period_end"] = cancel;
        if (cancelAtPeriodEnd is { } c) subscription["cancel_at"] = c ? subscription["items"]!["data"]![0]!["current_period_end"]!.DeepClone() : null;
        if (pause is not null) subscription["pause_collection"] = behavior is null ? null : new JsonObject { ["behavior"] = behavior, ["resumes_at"] = resumesAt };
        if (methodId is not null) subscription["default_payment_method"] = methodId;
        if (metadata is not null) subscription["metadata"] = metadata.Count == 0 ? new JsonObject() : Merge((JsonObject)subscription["metadata"]!, metadata);
        Emit(id, "customer.subscription.updated", subscription, Changed(before, subscription));
        return subscription;
    }

    private JsonObject CancelSubscription(FakeStripeParams p, string id)
    {
        p.Bool("invoice_now");
        p.Bool("prorate");
        var comment = p.Object("cancellation_details")?.String("comment");
        p.RejectUnread();
        var subscription = Get(id, "subscription");
        if ((string?)subscription["status"] == "canceled") throw FakeStripeException.Invalid($"The subscription {id} has already been canceled.");
        subscription["cancellation_details"]!["comment"] = comment;
        End(subscription, "cancellation_requested");
        return subscription;
    }

    // A paid subscription-mode checkout: the subscription, active, and its first invoice, paid by the checkout's payment.
    private JsonObject StartSubscription(JsonObject session, JsonObject method, JsonObject intent, SessionExtras extras)
    {
        var lines = _lineItems[(string)session["id"]!];
        var subscription = Create("sub_", "subscription", (JsonObject)extras.SubscriptionMetadata.DeepClone());
        var id = (string)subscription["id"]!;
        var start = Now;
        var price = (JsonObject)lines[0]!["price"]!;
        subscription["application"] = null;
        subscription["automatic_tax"] = new JsonObject { ["disabled_reason"] = null, ["enabled"] = false, ["liability"] = null };
        subscription["billing_cycle_anchor"] = start;
        subscription["cancel_at"] = null;
        subscription["cancel_at_period_end"] = false;
        subscription["canceled_at"] = null;
        subscription["cancellation_details"] = new JsonObject { ["comment"] = null, ["feedback"] = null, ["reason"] = null };
        subscription["collection_method"] = "charge_automatically";
        subscription["currency"] = session["currency"]!.DeepClone();
        subscription["customer"] = session["customer"]!.DeepClone();
        subscription["days_until_due"] = null;
        subscription["default_payment_method"] = method["id"]!.DeepClone();
        subscription["description"] = null;
        subscription["discounts"] = new JsonArray();
        subscription["ended_at"] = null;
        subscription["items"] = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray([.. lines.Select(line => (JsonNode)SubscriptionItem(id, (JsonObject)line!, start, PeriodEnd(start, price)))]),
            ["has_more"] = false,
            ["total_count"] = lines.Count,
            ["url"] = "/v1/subscription_items?subscription=" + id,
        };
        subscription["latest_invoice"] = null;
        subscription["pause_collection"] = null;
        subscription["payment_settings"] = new JsonObject { ["payment_method_options"] = null, ["payment_method_types"] = null, ["save_default_payment_method"] = "off" };
        subscription["pending_setup_intent"] = null;
        subscription["pending_update"] = null;
        subscription["schedule"] = null;
        subscription["start_date"] = start;
        subscription["status"] = "active";
        subscription["test_clock"] = null;
        subscription["trial_end"] = null;
        subscription["trial_start"] = null;
        var invoice = NewInvoice(subscription, "subscription_create");
        Paid(invoice, intent);
        Emit(id, "customer.subscription.created", subscription);
        Emit(id, "invoice.paid", invoice);
        return subscription;
    }

    private static JsonObject SubscriptionItem(string subscriptionId, JsonObject line, long start, long end) => new()
    {
        ["id"] = "si_" + RandomToken(14),
        ["object"] = "subscription_item",
        ["created"] = start,
        ["current_period_end"] = end,
        ["current_period_start"] = start,
        ["discounts"] = new JsonArray(),
        ["metadata"] = new JsonObject(),
        ["price"] = line["price"]!.DeepClone(),
        ["quantity"] = line["quantity"]!.DeepClone(),
        ["subscription"] = subscriptionId,
        ["tax_rates"] = new JsonArray(),
    };

    // Every item moves to the next period; the period's invoice is made (open, not yet charged).
    private JsonObject NextPeriod(JsonObject subscription)
    {
        var before = (JsonObject)subscription.DeepClone();
        foreach (var item in subscription["items"]!["data"]!.AsArray().Cast<JsonObject>())
        {
            var start = Long(item["current_period_end"]!);
            item["current_period_start"] = start;
            item["current_period_end"] = PeriodEnd(start, (JsonObject)item["price"]!);
        }

        var invoice = NewInvoice(subscription, "subscription_cycle");
        Emit((string)subscription["id"]!, "customer.subscription.updated", subscription, Changed(before, subscription));
        return invoice;
    }

    // One attempt at a renewal invoice: its payment intent (one per invoice, as Stripe's) charged with the outcome given,
    // or as the method's test card decides when none is.
    private void Charge(JsonObject invoice, JsonObject subscription, ChargeOutcome? outcome, JsonObject? method = null)
    {
        var id = (string)subscription["id"]!;
        method ??= _objects[(string)subscription["default_payment_method"]!];
        var intent = invoice["payments"]!["data"]!.AsArray().Count > 0
            ? _objects[(string)invoice["payments"]!["data"]![0]!["payment"]!["payment_intent"]!]
            : NewIntent(Long(invoice["amount_due"]!), (string)invoice["currency"]!, (string?)subscription["customer"], [], null, null, [(string)method["type"]!]);
        Pay(intent, method, id, outcome: outcome);

        var before = (JsonObject)subscription.DeepClone();
        invoice["attempt_count"] = Long(invoice["attempt_count"]!) + 1;
        invoice["attempted"] = true;
        if ((string?)intent["status"] == "succeeded")
        {
            Paid(invoice, intent);
            _unpaidRenewals.Remove(id);
            subscription["status"] = "active";
            Emit(id, "invoice.paid", invoice);
        }
        else
        {
            LinkPayment(invoice, intent, "open");
            invoice["next_payment_attempt"] = Now + 3 * 24 * 3600;
            _unpaidRenewals[id] = (string)invoice["id"]!;
            subscription["status"] = "past_due";
            Emit(id, "invoice.payment_failed", invoice);
        }

        if ((string?)before["status"] != (string?)subscription["status"])
            Emit(id, "customer.subscription.updated", subscription, new JsonObject { ["status"] = before["status"]!.DeepClone() });
    }

    private void End(JsonObject subscription, string reason)
    {
        subscription["status"] = "canceled";
        subscription["canceled_at"] = Now;
        subscription["ended_at"] = Now;
        subscription["cancellation_details"]!["reason"] = reason;
        _unpaidRenewals.Remove((string)subscription["id"]!);
        Emit((string)subscription["id"]!, "customer.subscription.deleted", subscription);
    }

    private static long PeriodEnd(long start, JsonObject price)
    {
        var recurring = price["recurring"]!;
        var count = (int)Long(recurring["interval_count"]!);
        var from = DateTimeOffset.FromUnixTimeSeconds(start);
        return ((string)recurring["interval"]! switch
        {
            "day" => from.AddDays(count),
            "week" => from.AddDays(7 * count),
            "year" => from.AddYears(count),
            _ => from.AddMonths(count),
        }).ToUnixTimeSeconds();
    }

    // The top-level fields that differ, with their old values: an update event's data.previous_attributes.
    private static JsonObject Changed(JsonObject before, JsonObject after)
    {
        var changed = new JsonObject();
        foreach (var (name, value) in before)
        {
            if (!JsonNode.DeepEquals(value, after[name])) changed[name] = value?.DeepClone();
        }

        return changed;
    }

    private static JsonObject Merge(JsonObject metadata, JsonObject changes)
    {
        var merged = (JsonObject)metadata.DeepClone();
        foreach (var (name, value) in changes)
        {
            if ((string?)value is { Length: > 0 }) merged[name] = value!.DeepClone();
            else merged.Remove(name);
        }

        return merged;
    }
}
