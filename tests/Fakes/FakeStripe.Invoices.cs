using System.Globalization;
using System.Text.Json.Nodes;
using static OrleansPortal.Fakes.FakeStripeJson;

namespace OrleansPortal.Fakes;

/// <summary>A subscription's invoices: one per period, for its items' prices, paid by one payment intent.</summary>
public sealed partial class FakeStripe
{
    private JsonObject NewInvoice(JsonObject subscription, string billingReason)
    {
        var invoice = Create("in_", "invoice");
        var id = (string)invoice["id"]!;
        var subscriptionId = (string)subscription["id"]!;
        var items = subscription["items"]!["data"]!.AsArray().Cast<JsonObject>().ToList();
        var total = items.Sum(i => Long(i["price"]!["unit_amount"]!) * Long(i["quantity"]!));
        var (start, end) = (Long(items[0]["current_period_start"]!), Long(items[0]["current_period_end"]!));
        var customer = (string?)subscription["customer"];
        var owner = customer is not null && _objects.TryGetValue(customer, out var c) ? c : null;
        var sequence = _createdInOrder.Count(i => i.StartsWith("in_", StringComparison.Ordinal));
        invoice["amount_due"] = total;
        invoice["amount_overpaid"] = 0;
        invoice["amount_paid"] = 0;
        invoice["amount_remaining"] = total;
        invoice["amount_shipping"] = 0;
        invoice["attempt_count"] = 0;
        invoice["attempted"] = false;
        invoice["auto_advance"] = true;
        invoice["billing_reason"] = billingReason;
        invoice["collection_method"] = "charge_automatically";
        invoice["currency"] = subscription["currency"]!.DeepClone();
        invoice["customer"] = customer;
        invoice["customer_email"] = owner?["email"]?.DeepClone();
        invoice["customer_name"] = owner?["name"]?.DeepClone();
        invoice["default_payment_method"] = null;
        invoice["description"] = null;
        invoice["discounts"] = new JsonArray();
        invoice["due_date"] = null;
        invoice["effective_at"] = Now;
        invoice["hosted_invoice_url"] = new Uri(BaseUrl, "invoices/" + id).ToString();
        invoice["invoice_pdf"] = new Uri(BaseUrl, "invoices/" + id + "/pdf").ToString();
        invoice["issuer"] = new JsonObject { ["type"] = "self" };
        invoice["lines"] = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray([.. items.Select(item => (JsonNode)InvoiceLine(id, subscriptionId, item, start, end))]),
            ["has_more"] = false,
            ["total_count"] = items.Count,
            ["url"] = $"/v1/invoices/{id}/lines",
        };
        invoice["next_payment_attempt"] = null;
        invoice["number"] = $"{owner?["invoice_prefix"] ?? "FAKE"}-{sequence.ToString("D4", CultureInfo.InvariantCulture)}";
        invoice["parent"] = new JsonObject
        {
            ["type"] = "subscription_details",
            ["quote_details"] = null,
            ["subscription_details"] = new JsonObject { ["metadata"] = subscription["metadata"]!.DeepClone(), ["subscription"] = subscriptionId },
        };
        invoice["payments"] = new JsonObject { ["object"] = "list", ["data"] = new JsonArray(), ["has_more"] = false, ["url"] = "/v1/invoice_payments" };
        invoice["period_end"] = end;
        invoice["period_start"] = start;
        invoice["status"] = "open";
        invoice["status_transitions"] = new JsonObject { ["finalized_at"] = Now, ["marked_uncollectible_at"] = null, ["paid_at"] = null, ["voided_at"] = null };
        invoice["subtotal"] = total;
        invoice["subtotal_excluding_tax"] = total;
        invoice["total"] = total;
        invoice["total_excluding_tax"] = total;
        invoice["total_discount_amounts"] = new JsonArray();
        invoice["total_taxes"] = new JsonArray();
        subscription["latest_invoice"] = id;
        return invoice;
    }

    private void Paid(JsonObject invoice, JsonObject intent)
    {
        invoice["amount_paid"] = invoice["amount_due"]!.DeepClone();
        invoice["amount_remaining"] = 0;
        invoice["attempted"] = true;
        invoice["attempt_count"] = Math.Max(1, Long(invoice["attempt_count"]!));
        invoice["next_payment_attempt"] = null;
        invoice["status"] = "paid";
        invoice["status_transitions"]!["paid_at"] = Now;
        LinkPayment(invoice, intent, "paid");
    }

    // The invoice's payment record (invoice.payments), which is where this API version says which intent paid it.
    private static void LinkPayment(JsonObject invoice, JsonObject intent, string status)
    {
        var payments = invoice["payments"]!["data"]!.AsArray();
        payments.Clear();
        payments.Add(new JsonObject
        {
            ["id"] = "inpay_" + RandomToken(24),
            ["object"] = "invoice_payment",
            ["amount_paid"] = status == "paid" ? invoice["amount_due"]!.DeepClone() : null,
            ["amount_requested"] = invoice["amount_due"]!.DeepClone(),
            ["created"] = Now,
            ["currency"] = invoice["currency"]!.DeepClone(),
            ["invoice"] = invoice["id"]!.DeepClone(),
            ["is_default"] = true,
            ["livemode"] = false,
            ["payment"] = new JsonObject { ["type"] = "payment_intent", ["payment_intent"] = intent["id"]!.DeepClone() },
            ["status"] = status,
        });
    }

    private static JsonObject InvoiceLine(string invoiceId, string subscriptionId, JsonObject item, long start, long end)
    {
        var amount = Long(item["price"]!["unit_amount"]!) * Long(item["quantity"]!);
        return new JsonObject
        {
            ["id"] = "il_" + RandomToken(24),
            ["object"] = "line_item",
            ["amount"] = amount,
            ["currency"] = item["price"]!["currency"]!.DeepClone(),
            ["description"] = null,
            ["discount_amounts"] = new JsonArray(),
            ["discountable"] = true,
            ["discounts"] = new JsonArray(),
            ["invoice"] = invoiceId,
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["parent"] = new JsonObject
            {
                ["type"] = "subscription_item_details",
                ["invoice_item_details"] = null,
                ["subscription_item_details"] = new JsonObject
                {
                    ["invoice_item"] = null,
                    ["proration"] = false,
                    ["proration_details"] = new JsonObject { ["credited_items"] = null },
                    ["subscription"] = subscriptionId,
                    ["subscription_item"] = item["id"]!.DeepClone(),
                },
            },
            ["period"] = new JsonObject { ["end"] = end, ["start"] = start },
            ["pricing"] = new JsonObject
            {
                ["type"] = "price_details",
                ["price_details"] = new JsonObject { ["price"] = item["price"]!["id"]!.DeepClone(), ["product"] = item["price"]!["product"]!.DeepClone() },
                ["unit_amount_decimal"] = item["price"]!["unit_amount_decimal"]!.DeepClone(),
            },
            ["quantity"] = item["quantity"]!.DeepClone(),
            ["subtotal"] = amount,
            ["taxes"] = new JsonArray(),
        };
    }
}
