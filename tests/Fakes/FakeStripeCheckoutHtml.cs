using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static OrleansPortal.Fakes.FakeStripeJson;

namespace OrleansPortal.Fakes;

/// <summary>
/// The fake's hosted checkout page: no script, no external assets. The fields have stable ids and labels for browser
/// tests: <c>#cardNumber</c> "Card number", <c>#cardExpiry</c> "Expiry (MM / YY)", <c>#cardCvc</c> "CVC",
/// <c>#iban</c> "IBAN", <c>#routingNumber</c>, <c>#accountNumber</c>, <c>#accountHolder</c>; the button <c>#submit</c>;
/// the link <c>#cancel</c>; a refusal in <c>#error</c> (role alert); the total in <c>#total</c>.
/// </summary>
internal static class FakeStripeCheckoutHtml
{
    public static string Render(JsonObject session, JsonArray lines, string? error)
    {
        var id = (string)session["id"]!;
        var mode = (string)session["mode"]!;
        var status = (string)session["status"]!;
        var currency = (string?)session["currency"] ?? "eur";
        var types = session["payment_method_types"]!.AsArray().Select(t => (string)t!).ToList();
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Checkout (FAKE Stripe, test mode)</title><style>")
            .Append("body{font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}table{width:100%;border-collapse:collapse}")
            .Append("td{padding:.25rem 0}td:last-child{text-align:right}label{display:block;margin-top:.75rem}input{width:100%;padding:.5rem;box-sizing:border-box}")
            .Append("fieldset{margin-top:1rem}button{margin-top:1rem;padding:.75rem;width:100%}#error{color:#b00020}")
            .Append("</style></head><body><main><p>TEST MODE — a FAKE Stripe checkout</p>");
        html.Append("<h1>").Append(Heading(mode)).Append("</h1>");

        if (status != "open")
        {
            html.Append("<p id=\"state\">").Append(status == "complete" ? "This checkout is complete. Nothing more is due." : "This checkout session has expired.").Append("</p></main></body></html>");
            return html.ToString();
        }

        if (lines.Count > 0)
        {
            html.Append("<table aria-label=\"Items\"><tbody>");
            foreach (var line in lines)
            {
                var price = line!["price"]!;
                html.Append("<tr><td>").Append(E((string)line["description"]!)).Append(" × ").Append(Long(line["quantity"]!))
                    .Append(Every(price["recurring"])).Append("</td><td>").Append(E(FakeStripeMoney.Format(Long(line["amount_total"]!), currency))).Append("</td></tr>");
            }

            html.Append("</tbody></table><p>Total due today <strong id=\"total\">").Append(E(FakeStripeMoney.Format(Long(session["amount_total"]!), currency))).Append("</strong></p>");
        }

        if (error is not null) html.Append("<p id=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        html.Append("<form method=\"post\" action=\"/pay/").Append(E(id)).Append("\">");
        if (types.Contains("card"))
        {
            html.Append("<fieldset><legend>Card</legend>")
                .Append(Field("cardNumber", "card_number", "Card number", "cc-number", "numeric"))
                .Append(Field("cardExpiry", "card_expiry", "Expiry (MM / YY)", "cc-exp", "numeric"))
                .Append(Field("cardCvc", "card_cvc", "CVC", "cc-csc", "numeric"))
                .Append("</fieldset>");
        }

        if (types.Contains("sepa_debit"))
            html.Append("<fieldset><legend>SEPA Direct Debit</legend>").Append(Field("iban", "iban", "IBAN", "off", "text")).Append("</fieldset>");
        if (types.Contains("us_bank_account"))
        {
            html.Append("<fieldset><legend>US bank account</legend>")
                .Append(Field("routingNumber", "routing_number", "Routing number", "off", "numeric"))
                .Append(Field("accountNumber", "account_number", "Account number", "off", "numeric"))
                .Append("</fieldset>");
        }

        if (types.Any(t => t != "card")) html.Append(Field("accountHolder", "account_holder", "Account holder name", "name", "text"));
        html.Append("<button id=\"submit\" type=\"submit\">").Append(E(Button(mode, session, currency))).Append("</button></form>");
        if ((string?)session["cancel_url"] is { } cancel) html.Append("<p><a id=\"cancel\" href=\"").Append(E(cancel)).Append("\">Cancel</a></p>");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    public static string Gone(string message) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Checkout (FAKE Stripe)</title></head><body><main><h1>Something went wrong</h1><p>{E(message)}</p></main></body></html>";

    private static string Heading(string mode) => mode switch
    {
        "setup" => "Save a payment method",
        "subscription" => "Subscribe",
        _ => "Pay",
    };

    private static string Button(string mode, JsonObject session, string currency) => mode switch
    {
        "setup" => "Save",
        "subscription" => "Subscribe",
        _ => "Pay " + FakeStripeMoney.Format(Long(session["amount_total"]!), currency),
    };

    private static string Every(JsonNode? recurring)
    {
        if (recurring is null) return "";
        var count = Long(recurring["interval_count"]!);
        var interval = (string)recurring["interval"]!;
        return count == 1 ? $" per {interval}" : $" every {count} {interval}s";
    }

    private static string Field(string id, string name, string label, string autocomplete, string inputMode) =>
        $"<label for=\"{id}\">{E(label)}</label><input id=\"{id}\" name=\"{name}\" autocomplete=\"{autocomplete}\" inputmode=\"{inputMode}\">";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
