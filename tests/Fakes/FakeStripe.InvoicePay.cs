using System.Text.Json.Nodes;

namespace OrleansPortal.Fakes;

/// <summary>
/// <c>POST /v1/invoices/{id}/pay</c>: an attempt at an open subscription invoice outside the renewal's own schedule, as
/// Stripe's API reference describes it (parameters <c>forgive</c>, <c>mandate</c>, <c>off_session</c>,
/// <c>paid_out_of_band</c>, <c>payment_method</c>, <c>source</c>). The charge goes through the same path as a renewal's:
/// paid, <c>invoice.paid</c> and the invoice; declined, <c>invoice.payment_failed</c> and a 402 <c>card_error</c> naming
/// the payment intent. Only invoices of subscriptions exist here, and <c>paid_out_of_band</c> and sources are not played.
/// </summary>
public sealed partial class FakeStripe
{
    /// <summary>When true, every invoice paid through the API is declined (card_declined), whatever the card; else the card decides.</summary>
    public bool DeclineInvoicePayments { get; set; }

    /// <summary>The invoice pays made through the API, in order: (invoice id, succeeded).</summary>
    public IReadOnlyList<(string InvoiceId, bool Succeeded)> InvoicePayments
    {
        get
        {
            lock (_gate) return [.. _invoicePayments];
        }
    }

    private readonly List<(string, bool)> _invoicePayments = [];

    private JsonObject PayInvoice(FakeStripeParams p, string id)
    {
        p.Bool("forgive");
        p.String("mandate");
        p.Bool("off_session");
        var outOfBand = p.Bool("paid_out_of_band");
        var methodId = p.String("payment_method");
        var source = p.String("source");
        p.RejectUnread();

        var invoice = Get(id, "invoice");
        if (outOfBand is true || source is not null) throw FakeStripeException.Invalid("The fake Stripe does not play paid_out_of_band or sources.");
        var status = (string?)invoice["status"];
        if (status == "paid") throw FakeStripeException.Invalid("Invoice is already paid");
        if (status != "open") throw FakeStripeException.Invalid($"You can only pay an invoice that is open; this one is {status}.");
        var subscription = Get((string)invoice["parent"]!["subscription_details"]!["subscription"]!, "subscription");
        var method = methodId is null ? null : Get(methodId, "payment_method", "payment_method");
        if (method is not null && (string?)method["customer"] != (string?)invoice["customer"])
            throw FakeStripeException.Invalid($"The customer does not have a payment method with the ID {methodId}.", "payment_method");

        Charge(invoice, subscription, DeclineInvoicePayments ? ChargeOutcome.Declines : null, method);
        var paid = (string?)invoice["status"] == "paid";
        _invoicePayments.Add((id, paid));
        if (paid) return invoice;
        var intent = _objects[(string)invoice["payments"]!["data"]![0]!["payment"]!["payment_intent"]!];
        throw CardDeclined(intent, method ?? _objects[(string)subscription["default_payment_method"]!]);
    }
}
