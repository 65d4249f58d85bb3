using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Web.Portal;
using Stripe;
using Stripe.Checkout;
using Invoice = OrleansPortal.Grains.Documents.Invoice;

namespace OrleansPortal.Web.Payments.Stripe;

/// <summary>
/// Opens a Stripe-hosted Checkout for what is due on some invoices: the customer types their card or IBAN on Stripe's
/// page, never on ours (PCI SAQ A). What each invoice receives travels in the PaymentIntent's metadata, and the money
/// is recorded only when Stripe's webhook says it succeeded (<see cref="StripeEventProcessor"/>), never on return.
/// </summary>
public sealed class StripeCheckout(StripeClient stripe, IOptions<PaymentsOptions> options, IOptions<PortalOptions> portal, DomainClock clock)
{
    /// <summary>How long a click's idempotency key lasts: the same click twice (a double tap, a retry) opens one checkout.</summary>
    private static readonly TimeSpan SameClick = TimeSpan.FromMinutes(10);

    /// <summary>Where the customer pays <paramref name="invoices"/> (one currency, each with something due).</summary>
    public async Task<Uri> StartAsync(string tenantId, string customerId, string contactId, string? email, string language, IReadOnlyList<Invoice> invoices,
        CancellationToken cancellationToken)
    {
        var currency = invoices[0].Details.Currency;
        var paying = new PaymentAllocations(tenantId, customerId, [.. invoices.Select(i => (i.InvoiceId, i.Balance.Due))]);
        var site = portal.Value.PublicBaseUrl.TrimEnd('/');
        var metadata = paying.ToMetadata();
        var session = await stripe.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            CustomerEmail = email,
            ClientReferenceId = customerId,
            Locale = language == "pt" ? "pt" : "en",
            SuccessUrl = $"{site}/portal/#documents/paid",
            CancelUrl = $"{site}/portal/#documents",
            AllowedPaymentMethodTypes = MethodsFor(currency),
            LineItems = [.. invoices.Select(i => new SessionLineItemOptions
            {
                Quantity = 1,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = currency.ToLowerInvariant(),
                    UnitAmount = i.Balance.Due,
                    ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"{i.DisplayNumber} · {i.Details.Title}" },
                },
            })],
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Metadata = metadata,
                Description = string.Join(", ", invoices.Select(i => i.DisplayNumber)),
            },
        }, new RequestOptions { IdempotencyKey = KeyOf(tenantId, contactId, paying) }, cancellationToken);
        return new Uri(session.Url);
    }

    // SEPA Direct Debit takes euros only; cards take anything.
    private List<string> MethodsFor(string currency) =>
        [.. options.Value.PaymentMethods.Where(m => m != "sepa_debit" || string.Equals(currency, "EUR", StringComparison.OrdinalIgnoreCase))];

    private string KeyOf(string tenantId, string contactId, PaymentAllocations paying)
    {
        var window = clock.GetUtcNow().ToUnixTimeSeconds() / (long)SameClick.TotalSeconds;
        var what = $"{tenantId}|{contactId}|{string.Join(',', paying.Invoices.Select(i => $"{i.InvoiceId}:{i.Amount}"))}|{window.ToString(CultureInfo.InvariantCulture)}";
        return "checkout-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(what)));
    }
}
