using System.Net;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Autopay;
using OrleansPortal.Web.Payments.Stripe;
using Stripe;
using Invoice = OrleansPortal.Grains.Documents.Invoice;

namespace OrleansPortal.Web.Payments.Autopay;

/// <summary>
/// Autopay with Stripe: an invoice issued to a customer with autopay on is charged off-session to their default saved
/// method (confirm=true), with the same allocation metadata a checkout writes, so the webhook pays it like any other
/// payment (money moves only there). The Idempotency-Key is the invoice's and the wallet remembers the attempt, so a
/// retried issue never charges twice. A failure, now (a 402: declined, authentication required) or later (a debit that
/// bounces), is recorded as a failed payment by the webhook and reported once to <see cref="IAutopayFailures"/>.
/// </summary>
public sealed partial class StripeAutopay(StripeClient stripe, StripeWallet wallet, IClusterClient grains, IAutopayFailures failures, ILogger<StripeAutopay> logger)
    : IInvoiceAutopay
{
    /// <summary>Metadata naming the saved method an autopay charge used; its presence marks the payment as autopay's.</summary>
    public const string MethodKey = "op_autopay_method";

    public async Task ChargeIssuedAsync(string tenantId, Invoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        // A plan's period is billed by Stripe Billing itself (its invoices are issued by "stripe"), and a deposit by the
        // customer who approved it, on Stripe's page at that moment: neither is charged a second time here.
        if (invoice.Details.IssuedBy == StripeEventProcessor.Provider || invoice.Details.IssuedBy.StartsWith(EstimateInvoices.ContactIssuerPrefix, StringComparison.Ordinal)
            || invoice.Balance.Due <= 0) return;
        var customer = wallet.Wallet(tenantId, invoice.Details.CustomerId);
        var settings = await customer.GetAsync();
        if (!settings.Autopay || await customer.WasChargedAsync(invoice.InvoiceId)) return;

        var method = StripeWallet.DefaultOf(settings, await wallet.ListAsync(settings, cancellationToken));
        if (method is null)
        {
            await customer.RecordChargeAsync(invoice.InvoiceId, null);
            await TellAsync(new AutopayFailure(tenantId, invoice, null, null, "No saved payment method to charge."), "invoice:" + invoice.InvoiceId);
            return;
        }

        var metadata = new PaymentAllocations(tenantId, invoice.Details.CustomerId, [(invoice.InvoiceId, invoice.Balance.Due)]).ToMetadata();
        metadata[MethodKey] = method.Id;
        try
        {
            var intent = await stripe.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
            {
                Amount = invoice.Balance.Due,
                Currency = invoice.Details.Currency.ToLowerInvariant(),
                Customer = settings.StripeCustomerId,
                PaymentMethod = method.Id,
                OffSession = true,
                Confirm = true,
                Description = invoice.DisplayNumber,
                Metadata = metadata,
            }, new RequestOptions { IdempotencyKey = KeyOf(tenantId, invoice.InvoiceId) }, cancellationToken);
            await customer.RecordChargeAsync(invoice.InvoiceId, intent.Id);
            LogCharged(invoice.InvoiceId, intent.Id, intent.Status);
        }
        catch (StripeException declined) when (declined.HttpStatusCode == HttpStatusCode.PaymentRequired)
        {
            // Declined, or the bank wants the customer present (authentication_required). Stripe's webhook reports the
            // failed intent, which records it and tells the payers (TellFailedAsync): one path for now and later failures.
            var intentId = declined.StripeError?.PaymentIntent?.Id;
            await customer.RecordChargeAsync(invoice.InvoiceId, intentId);
            LogDeclined(invoice.InvoiceId, intentId, declined.StripeError?.Code);
        }
        catch (StripeException refused) when (refused.HttpStatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound)
        {
            // Stripe refused to make a charge at all (the method was detached meanwhile, an amount below its minimum):
            // no intent, no webhook, so the payers are told here.
            await customer.RecordChargeAsync(invoice.InvoiceId, null);
            LogRefused(invoice.InvoiceId, refused.StripeError?.Code);
            await TellAsync(new AutopayFailure(tenantId, invoice, method.Id, null, refused.StripeError?.Message ?? refused.Message), "invoice:" + invoice.InvoiceId);
        }
    }

    /// <summary>
    /// From the webhook: <paramref name="intent"/>, an autopay charge, failed. Reported once per intent, with the invoice
    /// as it is now.
    /// </summary>
    public async Task TellFailedAsync(PaymentIntent intent, PaymentAllocations paying)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(paying);
        if (!intent.Metadata.TryGetValue(MethodKey, out var methodId) || paying.Invoices is not [var (invoiceId, _)]) return;
        var invoice = await grains.GetGrain<IInvoiceGrain>(TenantKeys.For(paying.TenantId, invoiceId)).GetAsync();
        await TellAsync(new AutopayFailure(paying.TenantId, invoice, methodId, intent.Id, intent.LastPaymentError?.Message ?? "The payment failed."), intent.Id);
    }

    /// <summary>The Idempotency-Key of autopay's charge of an invoice: the same invoice, the same charge.</summary>
    public static string KeyOf(string tenantId, string invoiceId) => $"op-autopay:{tenantId}:{invoiceId}";

    private async Task TellAsync(AutopayFailure failure, string failureKey)
    {
        var customer = wallet.Wallet(failure.TenantId, failure.Invoice.Details.CustomerId);
        if (await customer.WasFailureToldAsync(failureKey)) return;
        await failures.FailedAsync(failure);
        await customer.MarkFailureToldAsync(failureKey);
        LogFailureTold(failure.Invoice.InvoiceId, failure.PaymentIntentId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Autopay charged invoice {InvoiceId}: PaymentIntent {PaymentIntentId} is {Status}")]
    private partial void LogCharged(string invoiceId, string paymentIntentId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Autopay's charge of invoice {InvoiceId} was declined ({Code}), PaymentIntent {PaymentIntentId}")]
    private partial void LogDeclined(string invoiceId, string? paymentIntentId, string? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe refused autopay's charge of invoice {InvoiceId} ({Code})")]
    private partial void LogRefused(string invoiceId, string? code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Autopay of invoice {InvoiceId} failed (PaymentIntent {PaymentIntentId}); the payers are told")]
    private partial void LogFailureTold(string invoiceId, string? paymentIntentId);
}
