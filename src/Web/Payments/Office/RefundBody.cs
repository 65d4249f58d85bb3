using System.ComponentModel.DataAnnotations;

namespace OrleansPortal.Web.Payments.Office;

/// <summary>A refund of money paid through Stripe; <see cref="PaymentId"/> defaults to the invoice's last Stripe payment with enough left.</summary>
public sealed record RefundBody(long? Amount, [property: MaxLength(OfficeMoneyRequests.MaxReason)] string? Reason, [property: MaxLength(64)] string? PaymentId,
    [property: MaxLength(64)] string? RequestId);
