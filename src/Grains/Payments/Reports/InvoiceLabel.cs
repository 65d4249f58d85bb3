namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>An issued invoice's number and its customer's name (null when the customer is not in the directory).</summary>
public sealed record InvoiceLabel(string InvoiceId, long Number, string CustomerId, string? CustomerName);
