using System.Text.Json.Nodes;

namespace OrleansPortal.Fakes;

/// <summary>Customers and the payment methods saved to them (made by the hosted page; listed and detached by the API).</summary>
public sealed partial class FakeStripe
{
    // What charging a saved method does, decided by the test card or IBAN it was made from.
    private readonly Dictionary<string, ChargeOutcome> _outcomes = new(StringComparer.Ordinal);

    private enum ChargeOutcome
    {
        Succeeds,
        Declines,
        SettlesLater,
        FailsLater,
    }

    private JsonObject CreateCustomer(FakeStripeParams p)
    {
        var (email, name, phone, description, metadata) = (p.String("email"), p.String("name"), p.String("phone"), p.String("description"), p.Metadata());
        var locales = p.Strings("preferred_locales");
        p.RejectUnread();
        return NewCustomer(email, name, phone, description, metadata, locales);
    }

    private JsonObject NewCustomer(string? email, string? name, string? phone, string? description, JsonObject? metadata, IReadOnlyList<string> locales)
    {
        var customer = Create("cus_", "customer", metadata);
        customer["address"] = null;
        customer["balance"] = 0;
        customer["currency"] = null;
        customer["default_source"] = null;
        customer["delinquent"] = false;
        customer["description"] = description;
        customer["email"] = email;
        customer["invoice_prefix"] = RandomToken(8).ToUpperInvariant();
        customer["invoice_settings"] = new JsonObject { ["custom_fields"] = null, ["default_payment_method"] = null, ["footer"] = null, ["rendering_options"] = null };
        customer["name"] = name;
        customer["next_invoice_sequence"] = 1;
        customer["phone"] = phone;
        customer["preferred_locales"] = new JsonArray([.. locales.Select(l => (JsonNode)l)]);
        customer["shipping"] = null;
        customer["tax_exempt"] = "none";
        customer["test_clock"] = null;
        Emit(customer["id"]!.GetValue<string>(), "customer.created", customer);
        return customer;
    }

    /// <summary>A customer's saved methods, newest first, of one type when asked (<c>type=card</c>).</summary>
    private JsonObject ListPaymentMethods(FakeStripeParams p, string customerId)
    {
        var type = p.Enum("type", "card", "sepa_debit", "us_bank_account");
        p.Long("limit");
        p.String("starting_after");
        p.String("ending_before");
        p.RejectUnread();
        Get(customerId, "customer", "customer");
        var methods = _createdInOrder
            .Where(id => id.StartsWith("pm_", StringComparison.Ordinal))
            .Select(id => _objects[id])
            .Where(m => (string?)m["customer"] == customerId && (type is null || (string?)m["type"] == type))
            .Reverse();
        return ListOf(methods, "/v1/payment_methods");
    }

    private JsonObject DetachPaymentMethod(string id)
    {
        var method = Get(id, "payment_method");
        if (method["customer"] is not JsonValue customer)
            throw FakeStripeException.Invalid("The payment method you provided is not attached to a customer so detachment is impossible.");
        var customerId = customer.GetValue<string>();
        method["customer"] = null;
        if (_objects.TryGetValue(customerId, out var owner) && (string?)owner["invoice_settings"]!["default_payment_method"] == id)
            owner["invoice_settings"]!["default_payment_method"] = null;
        Emit(customerId, "payment_method.detached", method, new JsonObject { ["customer"] = customerId });
        return method;
    }

    // A method as the hosted page makes it from what the payer typed: a card, a SEPA account (IBAN) or a US bank account.
    private JsonObject CreatePaymentMethod(FakePaymentDetails details, ChargeOutcome outcome)
    {
        var method = Create("pm_", "payment_method");
        method["allow_redisplay"] = "unspecified";
        method["billing_details"] = new JsonObject
        {
            ["address"] = new JsonObject { ["city"] = null, ["country"] = null, ["line1"] = null, ["line2"] = null, ["postal_code"] = null, ["state"] = null },
            ["email"] = null,
            ["name"] = details.HolderName,
            ["phone"] = null,
        };
        method["customer"] = null;
        method["type"] = details.Type;
        var fingerprint = RandomToken(16);
        method[details.Type] = details.Type switch
        {
            "card" => new JsonObject
            {
                ["brand"] = details.Brand,
                ["checks"] = new JsonObject { ["address_line1_check"] = null, ["address_postal_code_check"] = null, ["cvc_check"] = "pass" },
                ["country"] = "US",
                ["display_brand"] = details.Brand,
                ["exp_month"] = details.ExpMonth,
                ["exp_year"] = details.ExpYear,
                ["fingerprint"] = fingerprint,
                ["funding"] = "credit",
                ["generated_from"] = null,
                ["last4"] = details.Last4,
                ["networks"] = new JsonObject { ["available"] = new JsonArray(details.Brand), ["preferred"] = null },
                ["three_d_secure_usage"] = new JsonObject { ["supported"] = true },
                ["wallet"] = null,
            },
            "sepa_debit" => new JsonObject
            {
                ["bank_code"] = details.BankCode,
                ["branch_code"] = "",
                ["country"] = details.Country,
                ["fingerprint"] = fingerprint,
                ["generated_from"] = new JsonObject { ["charge"] = null, ["setup_attempt"] = null },
                ["last4"] = details.Last4,
            },
            _ => new JsonObject
            {
                ["account_holder_type"] = "individual",
                ["account_type"] = "checking",
                ["bank_name"] = "STRIPE TEST BANK",
                ["financial_connections_account"] = null,
                ["fingerprint"] = fingerprint,
                ["last4"] = details.Last4,
                ["networks"] = new JsonObject { ["preferred"] = "ach", ["supported"] = new JsonArray("ach") },
                ["routing_number"] = details.BankCode,
                ["status_details"] = null,
            },
        };
        _outcomes[(string)method["id"]!] = outcome;
        return method;
    }

    private void Attach(JsonObject method, string customerId)
    {
        method["customer"] = customerId;
        Emit(customerId, "payment_method.attached", method);
    }
}
