using System.ComponentModel.DataAnnotations;

namespace OrleansPortal.Web.Payments.Autopay;

public sealed record DefaultMethodRequest([property: MaxLength(120)] string? PaymentMethodId);

/// <param name="Enabled">Required: a forgotten field never turns autopay off (or on) by itself.</param>
public sealed record AutopayRequest(bool? Enabled);
