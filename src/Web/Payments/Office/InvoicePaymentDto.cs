namespace OrleansPortal.Web.Payments.Office;

/// <summary>A Stripe payment attempt that named the invoice.</summary>
/// <param name="Amount">The whole attempt (it may have paid several invoices).</param>
/// <param name="Applied">What it brought to this invoice, from the ledger (0 until it succeeded).</param>
/// <param name="Refundable">What of <paramref name="Applied"/> the office may still refund.</param>
/// <param name="Status">Processing, Succeeded, Failed or Canceled.</param>
public sealed record InvoicePaymentDto(string Id, long Amount, string Currency, string? Method, string Status, string? Failure, long Applied, long Refundable, DateTimeOffset CreatedAt);
