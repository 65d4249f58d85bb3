using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Reports;

namespace OrleansPortal.Web.Payments.Money;

/// <summary>An invoice with something due, as the drill-down lists it: its number as people read it ("INV-00042").</summary>
public sealed record OutstandingInvoiceDto(
    string InvoiceId, string Number, string CustomerId, string? CustomerName, DateOnly DueOn, int DaysPastDue, AgeBucket Bucket, long Due, string Currency)
{
    public static OutstandingInvoiceDto Of(OutstandingInvoice i) =>
        new(i.InvoiceId, InvoiceNumbers.Display(i.Number), i.CustomerId, i.CustomerName, i.DueOn, i.DaysPastDue, i.Bucket, i.Due, i.Currency);
}
