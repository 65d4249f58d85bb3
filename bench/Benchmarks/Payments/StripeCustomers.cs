using System.Globalization;
using System.Net;
using OrleansPortal.Fakes;
using Stripe;
using Stripe.Checkout;

namespace OrleansPortal.Benchmarks.Payments;

/// <summary>
/// People paying on the fake Stripe as they would on Stripe, without a browser: a Checkout Session opened with the
/// Stripe.net SDK (as the app's checkout opens it), its hosted page's form posted with a test card or IBAN. Payments
/// carry the app's allocation metadata (<c>op_tenant</c>, <c>op_customer</c>, <c>op_invoices</c> "id:amount,..."), written
/// here from the documented format. Nothing here reaches the app: the fake holds every event for the benchmark.
/// </summary>
internal sealed class StripeCustomers(FakeStripe fake, string tenantId) : IDisposable
{
    private const string DoneUrl = "https://portal.example/done";
    private readonly StripeClient _stripe = new(new StripeClientOptions { ApiKey = fake.SecretKey, ApiBase = fake.BaseUrl.ToString() });
    private readonly HttpClient _page = new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <summary>Opens a checkout for <paramref name="paying"/> and pays it as <paramref name="way"/> says; returns the PaymentIntent's id.</summary>
    public async Task<string> PayAsync(string customerId, IReadOnlyList<(BookedInvoice Invoice, long Amount)> paying, PayingWay way)
    {
        var metadata = Allocations(customerId, paying);
        var session = await _stripe.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            CustomerEmail = "payer@customers.example",
            SuccessUrl = DoneUrl,
            CancelUrl = DoneUrl,
            AllowedPaymentMethodTypes = ["card", "sepa_debit"],
            LineItems = [.. paying.Select(p => new SessionLineItemOptions
            {
                Quantity = 1,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = "eur", UnitAmount = p.Amount, ProductData = new SessionLineItemPriceDataProductDataOptions { Name = "Invoice " + p.Invoice.Id },
                },
            })],
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata },
        }, Once());
        switch (way)
        {
            case PayingWay.Card:
                await SubmitAsync(session.Url, Card(FakeStripe.SucceedingCard), expectPaid: true);
                break;
            case PayingWay.DeclinedThenCard:
                await SubmitAsync(session.Url, Card(FakeStripe.DecliningCard), expectPaid: false);
                await SubmitAsync(session.Url, Card(FakeStripe.SucceedingCard), expectPaid: true);
                break;
            case PayingWay.Declined:
                await SubmitAsync(session.Url, Card(FakeStripe.DecliningCard), expectPaid: false);
                break;
            case PayingWay.Debit:
                await SubmitAsync(session.Url, Iban(FakeStripe.SucceedingIban), expectPaid: true);
                break;
            case PayingWay.FailingDebit:
                await SubmitAsync(session.Url, Iban(FakeStripe.FailingIban), expectPaid: true); // the page completes; the debit fails later
                break;
        }

        return (string)fake.Find(session.Id)!["payment_intent"]!;
    }

    /// <summary>A refund as the office (naming the invoice) or Stripe's dashboard (naming none) makes it; returns its id.</summary>
    public async Task<string> RefundAsync(string paymentIntentId, long amount, string? invoiceId)
    {
        var refund = await _stripe.V1.Refunds.CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = paymentIntentId,
            Amount = amount,
            Reason = "requested_by_customer",
            Metadata = invoiceId is null ? null : new Dictionary<string, string> { ["op_invoice"] = invoiceId, ["op_actor"] = "office@porto-repairs.example" },
        }, Once());
        return refund.Id;
    }

    /// <summary>A PaymentIntent for <paramref name="invoice"/> that nobody confirms: what a forger claims succeeded.</summary>
    public async Task<PaymentIntent> UnpaidIntentAsync(string customerId, BookedInvoice invoice) =>
        await _stripe.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = invoice.Total, Currency = "eur", Metadata = Allocations(customerId, [(invoice, invoice.Total)]),
        }, Once());

    /// <summary>
    /// The first month of <paramref name="enrolment"/>'s plan bought through Checkout with a card, with the metadata the
    /// app's plan checkout writes (<c>op_tenant</c>, <c>op_subscription</c>) on the session and the subscription; returns
    /// Stripe's subscription id.
    /// </summary>
    public async Task<string> SubscribeAsync(Enrolment enrolment, int n)
    {
        var metadata = new Dictionary<string, string> { ["op_tenant"] = tenantId, ["op_subscription"] = enrolment.SubscriptionId };
        var session = await _stripe.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "subscription",
            CustomerEmail = $"subscriber{n}@customers.example",
            SuccessUrl = DoneUrl,
            AllowedPaymentMethodTypes = ["card"],
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "eur", UnitAmount = PlanEnrolments.Price,
                        Recurring = new SessionLineItemPriceDataRecurringOptions { Interval = "month" },
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = PlanEnrolments.PlanName },
                    },
                },
            ],
            Metadata = metadata,
            SubscriptionData = new SessionSubscriptionDataOptions { Metadata = metadata },
        }, Once());
        await SubmitAsync(session.Url, Card(FakeStripe.SucceedingCard), expectPaid: true);
        return (string)fake.Find(session.Id)!["subscription"]!;
    }

    private Dictionary<string, string> Allocations(string customerId, IReadOnlyList<(BookedInvoice Invoice, long Amount)> paying) => new()
    {
        ["op_tenant"] = tenantId,
        ["op_customer"] = customerId,
        ["op_invoices"] = string.Join(',', paying.Select(p => p.Invoice.Id + ":" + p.Amount.ToString(CultureInfo.InvariantCulture))),
    };

    // The page answers 303 to the success URL when it took the payment, 200 with the decline shown when it did not.
    private async Task SubmitAsync(string url, Dictionary<string, string> fields, bool expectPaid)
    {
        using var response = await _page.PostAsync(url, new FormUrlEncodedContent(fields));
        var paid = response.StatusCode == HttpStatusCode.SeeOther;
        if (paid != expectPaid) throw new InvalidOperationException($"The fake's checkout page answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static Dictionary<string, string> Card(string number) => new() { ["card_number"] = number, ["card_expiry"] = "12 / 34", ["card_cvc"] = "123" };

    private static Dictionary<string, string> Iban(string iban) => new() { ["iban"] = iban, ["account_holder"] = "Ana Silva" };

    private static RequestOptions Once() => new() { IdempotencyKey = Guid.NewGuid().ToString("N") };

    public void Dispose() => _page.Dispose();
}

/// <summary>How a payer gets through the checkout page.</summary>
internal enum PayingWay
{
    Card,

    /// <summary>A declined card (payment_failed), then a good one on the same PaymentIntent.</summary>
    DeclinedThenCard,

    /// <summary>A declined card, and the payer gives up.</summary>
    Declined,

    /// <summary>SEPA: processing, succeeded a moment later.</summary>
    Debit,

    /// <summary>SEPA: processing, then failed.</summary>
    FailingDebit,
}
