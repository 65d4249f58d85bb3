namespace OrleansPortal.Web.Payments;

/// <summary>One movement of an invoice's money as its customer sees it.</summary>
/// <param name="Kind">Paid, PartiallyPaid, Refunded, Credited or WrittenOff.</param>
/// <param name="Note">The reason of a refund or credit note.</param>
public sealed record InvoiceMovementDto(string Kind, long Amount, string Currency, DateTimeOffset At, string? Note);
