using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Refunds;
using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Web.Documents;

namespace OrleansPortal.Web.Payments.Office;

/// <summary>Reads an invoice's money for the office (<see cref="InvoiceMoneyDto"/>).</summary>
public static class InvoiceMoney
{
    /// <summary>How many of the customer's latest payment attempts are searched for those naming the invoice.</summary>
    private const int AttemptsSearched = 500;

    /// <summary>Throws <see cref="NotFoundException"/> for no such invoice in the company.</summary>
    public static async Task<InvoiceMoneyDto> LoadAsync(
        IClusterClient grains, IPaymentRecords records, bool stripeEnabled, string tenantId, string invoiceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = TenantKeys.For(tenantId, invoiceId);
        var invoiceGrain = grains.GetGrain<IInvoiceGrain>(key);
        var invoice = await invoiceGrain.GetAsync();
        var ledger = await invoiceGrain.GetLedgerAsync();
        var refunds = await grains.GetGrain<IOfficeRefundsGrain>(key).GetAsync();
        var attempts = (await records.ForCustomerAsync(tenantId, invoice.Details.CustomerId, AttemptsSearched, cancellationToken))
            .Where(p => p.InvoiceIds.Contains(invoiceId));
        return new InvoiceMoneyDto(
            invoice.AsDto(now),
            [.. ledger.Select(LedgerRowDto.Of)],
            [.. attempts.Select(p => new InvoicePaymentDto(p.PaymentId, p.Amount, p.Currency, p.Method, p.Status.ToString(), p.Failure,
                RefundableAmount.Brought(ledger, p.PaymentId), RefundableAmount.Of(ledger, refunds, p.PaymentId), p.CreatedAt))],
            [.. refunds.Select(r => OfficeRefundDto.Of(r, recorded: r.RefundId is not null && ledger.Any(e => e.Source == r.RefundId)))],
            stripeEnabled);
    }
}
