namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// An invoice with something due (billed - credited - written off - paid + refunded &gt; 0) at the end of the report's
/// day. <see cref="DaysPastDue"/> is negative before the due date. <see cref="CustomerName"/> is null when the customer
/// is not in the directory.
/// </summary>
public sealed record OutstandingInvoice(
    string InvoiceId, long Number, string CustomerId, string? CustomerName, DateOnly DueOn, long Due, string Currency, int DaysPastDue, AgeBucket Bucket);
