using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Refunds;
using OrleansPortal.Web.Payments.Stripe;
using Stripe;
using Invoice = OrleansPortal.Grains.Documents.Invoice;

namespace OrleansPortal.Web.Payments.Office;

/// <summary>
/// Refunds the office asks Stripe for. The amount is reserved on the invoice first (<see cref="IOfficeRefundsGrain"/>),
/// then the Refund is created with an Idempotency-Key derived from the page's request id, so a retried click, or a call
/// cut short after Stripe took it, makes one refund. The ledger records it only when Stripe's webhook confirms it.
/// </summary>
public sealed partial class OfficeRefunds(StripeClient stripe, IClusterClient grains, ILogger<OfficeRefunds> logger)
{
    public async Task<OfficeRefund> RefundAsync(string tenantId, Invoice invoice, RefundRequest request, CancellationToken cancellationToken)
    {
        var refunds = grains.GetGrain<IOfficeRefundsGrain>(TenantKeys.For(tenantId, invoice.InvoiceId));
        await ReleaseFailedAsync(refunds, cancellationToken);
        var reserved = await refunds.ReserveAsync(request);
        if (reserved.RefundId is not null) return reserved; // asked before and taken by Stripe: the same answer again

        Refund refund;
        try
        {
            refund = await stripe.V1.Refunds.CreateAsync(new RefundCreateOptions
            {
                PaymentIntent = request.PaymentId,
                Amount = request.Amount,
                Reason = "requested_by_customer",
                Metadata = new Dictionary<string, string>
                {
                    [RefundMetadata.InvoiceKey] = invoice.InvoiceId,
                    [RefundMetadata.ActorKey] = request.Actor,
                    [RefundMetadata.ReasonKey] = request.Reason,
                },
            }, new RequestOptions { IdempotencyKey = IdempotencyKey(tenantId, invoice.InvoiceId, request.RequestId) }, cancellationToken);
        }
        catch (StripeException refused) when (refused.HttpStatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.PaymentRequired)
        {
            // Stripe kept nothing of the call: the money is free again, and the same request may be tried again.
            LogRefused(refused.StripeError?.Code, invoice.InvoiceId);
            await refunds.ReleaseAsync(request.RequestId, "refused");
            throw new ConflictException($"Stripe refused the refund: {refused.StripeError?.Message ?? refused.Message}");
        }

        return await refunds.SentAsync(request.RequestId, refund.Id, refund.Status);
    }

    /// <summary>The stable key of one refund request: the same click retried is the same refund at Stripe.</summary>
    public static string IdempotencyKey(string tenantId, string invoiceId, Guid requestId) => $"op-refund:{tenantId}:{invoiceId}:{requestId:N}";

    // A refund still on its way at Stripe (a debit's takes days) may have failed there since: it holds no money then.
    private async Task ReleaseFailedAsync(IOfficeRefundsGrain refunds, CancellationToken cancellationToken)
    {
        foreach (var waiting in (await refunds.GetAsync()).Where(r => r.RefundId is not null && r.Status == "pending"))
        {
            var now = await stripe.V1.Refunds.GetAsync(waiting.RefundId!, cancellationToken: cancellationToken);
            if (now.Status is "failed" or "canceled") await refunds.ReleaseAsync(waiting.RequestId, now.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe refused a refund ({Code}) on invoice {InvoiceId}")]
    private partial void LogRefused(string? code, string invoiceId);
}
