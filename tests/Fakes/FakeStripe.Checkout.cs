using System.Text.Json.Nodes;
using static OrleansPortal.Fakes.FakeStripeJson;

namespace OrleansPortal.Fakes;

/// <summary>Checkout Sessions: create (modes payment, setup, subscription, with inline <c>price_data</c>), retrieve, expire.</summary>
public sealed partial class FakeStripe
{
    private static readonly string[] MethodTypes = ["card", "sepa_debit", "us_bank_account"];

    private readonly Dictionary<string, JsonArray> _lineItems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionExtras> _sessionExtras = new(StringComparer.Ordinal);

    private JsonObject CreateSession(FakeStripeParams p)
    {
        var mode = p.Enum("mode", "payment", "setup", "subscription") ?? throw FakeStripeException.Missing("mode");
        var successUrl = Url(p, "success_url") ?? throw FakeStripeException.Missing("success_url");
        var cancelUrl = Url(p, "cancel_url");
        var customerId = p.String("customer");
        var (customerEmail, reference, locale, currency) = (p.String("customer_email"), p.String("client_reference_id"), p.String("locale"), p.String("currency"));
        p.Enum("ui_mode", "hosted");
        var metadata = p.Metadata();
        var types = MethodTypesOf(p);
        var items = LineItems(p, mode);
        var intentData = p.Object("payment_intent_data");
        var intentMetadata = intentData?.Metadata();
        var futureUsage = intentData?.Enum("setup_future_usage", "on_session", "off_session");
        var description = intentData?.String("description");
        var subscriptionMetadata = p.Object("subscription_data")?.Metadata();
        p.RejectUnread();

        if (intentData is not null && mode != "payment") throw FakeStripeException.Invalid("You can only specify `payment_intent_data` in `payment` mode.", "payment_intent_data");
        if (subscriptionMetadata is not null && mode != "subscription") throw FakeStripeException.Invalid("You can only specify `subscription_data` in `subscription` mode.", "subscription_data");
        if (customerId is not null) Get(customerId, "customer", "customer");
        if (customerId is not null && customerEmail is not null) throw FakeStripeException.Invalid("You may only specify one of these parameters: customer, customer_email.", "customer_email");
        var itemCurrency = items.Count > 0 ? (string)items[0]!["currency"]! : currency?.ToLowerInvariant();
        if (items.Any(i => (string)i!["currency"]! != itemCurrency))
            throw FakeStripeException.Invalid("All line items must use the same currency.", "line_items");
        if (types.Contains("sepa_debit") && itemCurrency is not null && itemCurrency != "eur")
            throw FakeStripeException.Invalid($"The payment method `sepa_debit` cannot be used with currency `{itemCurrency}`.", "allowed_payment_method_types");

        var session = Create("cs_test_", "checkout.session", metadata);
        var id = (string)session["id"]!;
        var total = items.Sum(i => Long(i!["amount_total"]!));
        session["after_expiration"] = null;
        session["allow_promotion_codes"] = null;
        session["allowed_payment_method_types"] = Strings(types);
        session["amount_subtotal"] = mode == "setup" ? null : total;
        session["amount_total"] = mode == "setup" ? null : total;
        session["automatic_tax"] = new JsonObject { ["enabled"] = false, ["liability"] = null, ["status"] = null };
        session["billing_address_collection"] = null;
        session["cancel_url"] = cancelUrl;
        session["client_reference_id"] = reference;
        session["client_secret"] = null;
        session["currency"] = itemCurrency;
        session["customer"] = customerId;
        session["customer_creation"] = customerId is null && mode == "payment" ? "if_required" : null;
        session["customer_details"] = null;
        session["customer_email"] = customerEmail;
        session["expires_at"] = Now + 24 * 3600;
        session["invoice"] = null;
        session["locale"] = locale;
        session["mode"] = mode;
        session["payment_intent"] = null;
        session["payment_link"] = null;
        session["payment_method_collection"] = mode == "payment" ? null : "always";
        session["payment_method_types"] = Strings(types);
        session["payment_status"] = mode == "setup" ? "no_payment_required" : "unpaid";
        session["recovered_from"] = null;
        session["setup_intent"] = null;
        session["status"] = "open";
        session["submit_type"] = null;
        session["subscription"] = null;
        session["success_url"] = successUrl;
        session["total_details"] = new JsonObject { ["amount_discount"] = 0, ["amount_shipping"] = 0, ["amount_tax"] = 0 };
        session["ui_mode"] = "hosted";
        session["url"] = new Uri(BaseUrl, "pay/" + id).ToString();
        _lineItems[id] = items;
        _sessionExtras[id] = new SessionExtras(intentMetadata ?? [], futureUsage, description, subscriptionMetadata ?? []);
        return session;
    }

    private JsonObject ExpireSession(string id)
    {
        var session = Get(id, "checkout.session");
        if ((string?)session["status"] != "open")
            throw FakeStripeException.Invalid($"Only Checkout Sessions with a status of `open` can be expired. This session has a status of `{session["status"]}`.");
        session["status"] = "expired";
        session["url"] = null;
        Emit(id, "checkout.session.expired", session);
        return session;
    }

    private JsonArray LineItems(FakeStripeParams p, string mode)
    {
        var given = p.List("line_items");
        if (given.Count == 0 && mode != "setup") throw FakeStripeException.Missing("line_items");
        if (given.Count > 0 && mode == "setup") throw FakeStripeException.Invalid("You cannot pass `line_items` in `setup` mode.", "line_items");
        var items = new JsonArray();
        foreach (var item in given)
        {
            if (item.String("price") is { } price) throw FakeStripeException.NoSuch("price", price, item.Name + "[price]");
            var quantity = item.Long("quantity") ?? throw FakeStripeException.Missing(item.Name + "[quantity]");
            if (quantity < 1) throw FakeStripeException.Invalid("This value must be greater than or equal to 1.", item.Name + "[quantity]");
            var data = item.Object("price_data") ?? throw FakeStripeException.Missing(item.Name + "[price_data]");
            var currency = data.RequiredString("currency");
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetter)) throw FakeStripeException.Invalid($"Invalid currency: {currency}.", data.Name + "[currency]");
            var unitAmount = data.Long("unit_amount") ?? throw FakeStripeException.Missing(data.Name + "[unit_amount]");
            if (unitAmount < 0) throw FakeStripeException.Invalid("This value must be greater than or equal to 0.", data.Name + "[unit_amount]");
            var name = (data.Object("product_data") ?? throw FakeStripeException.Missing(data.Name + "[product_data]")).RequiredString("name");
            var recurring = data.Object("recurring");
            var interval = recurring?.Enum("interval", "day", "week", "month", "year");
            var intervalCount = recurring?.Long("interval_count") ?? 1;
            if (recurring is not null && interval is null) throw FakeStripeException.Missing(recurring.Name + "[interval]");
            if (intervalCount < 1) throw FakeStripeException.Invalid("This value must be greater than or equal to 1.", recurring!.Name + "[interval_count]");
            if (mode == "payment" && recurring is not null)
                throw FakeStripeException.Invalid("You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.", "line_items");
            if (mode == "subscription" && recurring is null)
                throw FakeStripeException.Invalid("You must provide at least one recurring price in `subscription` mode when using prices.", "line_items");
            items.Add(LineItem(currency.ToLowerInvariant(), unitAmount, quantity, name, interval, intervalCount));
        }

        return items;
    }

    private static JsonObject LineItem(string currency, long unitAmount, long quantity, string name, string? interval, long intervalCount) => new()
    {
        ["id"] = "li_" + RandomToken(24),
        ["object"] = "item",
        ["amount_discount"] = 0,
        ["amount_subtotal"] = unitAmount * quantity,
        ["amount_tax"] = 0,
        ["amount_total"] = unitAmount * quantity,
        ["currency"] = currency,
        ["description"] = name,
        ["price"] = new JsonObject
        {
            ["id"] = "price_" + RandomToken(24),
            ["object"] = "price",
            ["active"] = false,
            ["billing_scheme"] = "per_unit",
            ["created"] = Now,
            ["currency"] = currency,
            ["livemode"] = false,
            ["lookup_key"] = null,
            ["metadata"] = new JsonObject(),
            ["nickname"] = null,
            ["product"] = "prod_" + RandomToken(14),
            ["recurring"] = interval is null ? null : new JsonObject
            {
                ["interval"] = interval,
                ["interval_count"] = intervalCount,
                ["meter"] = null,
                ["trial_period_days"] = null,
                ["usage_type"] = "licensed",
            },
            ["tax_behavior"] = "unspecified",
            ["tiers_mode"] = null,
            ["transform_quantity"] = null,
            ["type"] = interval is null ? "one_time" : "recurring",
            ["unit_amount"] = unitAmount,
            ["unit_amount_decimal"] = Text(unitAmount),
        },
        ["quantity"] = quantity,
    };

    // This API version names the parameter allowed_payment_method_types; the older payment_method_types is taken too.
    private static List<string> MethodTypesOf(FakeStripeParams p)
    {
        var allowed = p.Strings("allowed_payment_method_types");
        var legacy = p.Strings("payment_method_types");
        var param = allowed.Count > 0 ? "allowed_payment_method_types" : "payment_method_types";
        List<string> types = [.. allowed.Count > 0 ? allowed : legacy];
        for (var i = 0; i < types.Count; i++)
        {
            if (!MethodTypes.Contains(types[i]))
                throw FakeStripeException.Invalid($"Invalid {param}[{i}]: must be one of card, sepa_debit, or us_bank_account (the fake Stripe plays no other).", $"{param}[{i}]");
        }

        return types.Count > 0 ? types : ["card"];
    }

    private static string? Url(FakeStripeParams p, string key)
    {
        var text = p.String(key);
        if (text is null) return null;
        // {CHECKOUT_SESSION_ID} is replaced on redirect; braces alone do not make a URL invalid.
        var probe = text.Replace("{CHECKOUT_SESSION_ID}", "x", StringComparison.Ordinal);
        return Uri.TryCreate(probe, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? text
            : throw FakeStripeException.Invalid("Not a valid URL", key, "url_invalid");
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    // What a session carries into the objects its payment creates, which the session object itself does not show.
    private sealed record SessionExtras(JsonObject IntentMetadata, string? FutureUsage, string? Description, JsonObject SubscriptionMetadata);
}
