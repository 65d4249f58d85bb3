using System.ComponentModel.DataAnnotations;

namespace OrleansPortal.Web.Payments.Office;

/// <param name="Method">cash, transfer or cheque.</param>
public sealed record OfficePaymentBody(long? Amount, [property: MaxLength(16)] string? Method, [property: MaxLength(OfficeMoneyRequests.MaxReference)] string? Reference,
    [property: MaxLength(64)] string? RequestId);
