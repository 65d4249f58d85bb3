using Orleans;

namespace OrleansPortal.Grains.Payments.Refunds;

/// <summary>
/// A dispatcher's refund of <paramref name="Amount"/> (minor units) of the Stripe payment <paramref name="PaymentId"/>.
/// <paramref name="RequestId"/> is chosen by the browser once per refund it means, so a retried click is the same request.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.RefundRequest")]
public sealed record RefundRequest(Guid RequestId, string PaymentId, long Amount, string Reason, string Actor);
