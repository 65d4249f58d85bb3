using System.ComponentModel.DataAnnotations;

namespace OrleansPortal.Web.Payments.Office;

/// <summary>A credit note or a write-off.</summary>
public sealed record AdjustmentBody(long? Amount, [property: MaxLength(OfficeMoneyRequests.MaxReason)] string? Reason, [property: MaxLength(64)] string? RequestId);
