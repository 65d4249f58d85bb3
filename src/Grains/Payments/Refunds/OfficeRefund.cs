using Orleans;

namespace OrleansPortal.Grains.Payments.Refunds;

/// <summary>
/// A refund the office asked for. <paramref name="RefundId"/> is Stripe's ("re_..."), null until Stripe answered;
/// <paramref name="Status"/> is <see cref="Requested"/> until then, then Stripe's (pending, succeeded, failed, canceled).
/// </summary>
[GenerateSerializer, Immutable, Alias("op.OfficeRefund")]
public sealed record OfficeRefund(
    Guid RequestId, string PaymentId, long Amount, string Reason, string Actor, DateTimeOffset RequestedAt, string? RefundId, string Status)
{
    public const string Requested = "requested";

    /// <summary>Refused or failed at Stripe: no money moved and none is held.</summary>
    public bool Released => Status is "failed" or "canceled" or "refused";
}
