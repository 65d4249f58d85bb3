using OrleansPortal.Grains.Payments.Refunds;

namespace OrleansPortal.Web.Payments.Office;

/// <summary>A refund the office asked for.</summary>
/// <param name="RefundId">Stripe's id, once Stripe took it.</param>
/// <param name="Status">requested, then Stripe's: pending, succeeded, failed, canceled; refused when Stripe would not take it.</param>
/// <param name="Recorded">The ledger has it (Stripe's webhook confirmed it).</param>
public sealed record OfficeRefundDto(string RequestId, string PaymentId, long Amount, string Reason, string Actor, DateTimeOffset RequestedAt, string? RefundId, string Status, bool Recorded)
{
    public static OfficeRefundDto Of(OfficeRefund r, bool recorded) =>
        new(r.RequestId.ToString("D"), r.PaymentId, r.Amount, r.Reason, r.Actor, r.RequestedAt, r.RefundId, r.Status, recorded);
}
