using OrleansPortal.Grains.Payments.Ledger;

namespace OrleansPortal.Grains.Payments.Refunds;

/// <summary>How much of a payment the office may still refund on one invoice, from the ledger and the office's refunds.</summary>
public static class RefundableAmount
{
    /// <summary>What <paramref name="paymentId"/> brought to the invoice (its paid or partially paid row); 0 when it paid none of it.</summary>
    public static long Brought(IReadOnlyList<LedgerEntry> ledger, string paymentId) =>
        ledger.Where(e => e.Source == paymentId && e.Kind is LedgerKind.Paid or LedgerKind.PartiallyPaid).Sum(e => e.Amount);

    /// <summary>
    /// What the payment brought, less what the office refunded or reserved of it; and never more than the invoice holds
    /// paid and not refunded, less the office's refunds still on their way (a refund made in Stripe's dashboard names no
    /// payment here, but it lowers what is paid).
    /// </summary>
    public static long Of(IReadOnlyList<LedgerEntry> ledger, IReadOnlyList<OfficeRefund> refunds, string paymentId)
    {
        var live = refunds.Where(r => !r.Released).ToList();
        var ofPayment = live.Where(r => r.PaymentId == paymentId).Sum(r => r.Amount);
        var onTheirWay = live.Where(r => r.RefundId is null || !ledger.Any(e => e.Source == r.RefundId)).Sum(r => r.Amount);
        return Math.Max(0, Math.Min(Brought(ledger, paymentId) - ofPayment, InvoiceBalance.Of(ledger).NetPaid - onTheirWay));
    }
}
