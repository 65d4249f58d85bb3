using Orleans;
using OrleansPortal.Grains.Payments.Ledger;

namespace OrleansPortal.Grains.Documents;

/// <summary>
/// A bill to a customer, keyed "{tenantId}:{invoiceId}": issued once with its lines and due date, and given the
/// company's next invoice number. Its money (paid, refunded, credited, written off) is the ledger's
/// (<see cref="IMoneyLedger"/>): this grain is the one writer of the invoice's rows, and its balance and status are
/// always summed from them. Amounts are integer minor units of the invoice's currency.
/// </summary>
[Alias("op.IInvoiceGrain")]
public interface IInvoiceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Issues the invoice, totalled from its lines, with the next number; durable when it returns, and when it throws
    /// nothing of it stays. Throws <see cref="ConflictException"/> if it exists.
    /// </summary>
    Task<Invoice> IssueAsync(NewInvoice invoice);

    /// <summary>Throws <see cref="NotFoundException"/> for an invoice never issued.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<Invoice> GetAsync();

    /// <summary>The invoice's ledger rows, in the order recorded.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<LedgerEntry>> GetLedgerAsync();

    /// <summary>
    /// Money received for this invoice: recorded as paid when it settles what is due, else as partially paid. A payment
    /// whose source was recorded before changes nothing. Throws <see cref="ConflictException"/> for another currency.
    /// </summary>
    Task<Invoice> RecordPaymentAsync(MoneyMovement payment);

    /// <summary>
    /// Money paid goes back (with a credit note of the same amount, so nothing falls due again). Throws
    /// <see cref="ConflictException"/> for more than was paid and not refunded yet.
    /// </summary>
    Task<Invoice> RefundAsync(MoneyMovement refund);

    /// <summary>A credit note lowering what is due. Throws <see cref="ConflictException"/> for more than is due.</summary>
    Task<Invoice> CreditAsync(MoneyMovement credit);

    /// <summary>Gives up collecting some or all of what is due. Throws <see cref="ConflictException"/> for more than is due.</summary>
    Task<Invoice> WriteOffAsync(MoneyMovement writeOff);
}

/// <summary>
/// An amount moving on an invoice. <paramref name="Source"/> names what caused it once and for all (a Stripe
/// PaymentIntent or Refund id, an office action's id): the same source is recorded once.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.MoneyMovement")]
public sealed record MoneyMovement(long Amount, string Currency, string Source, string Actor, DateTimeOffset? At = null, string? Note = null);

/// <summary>Where an invoice stands, from its ledger.</summary>
[GenerateSerializer, Alias("op.InvoiceStatus")]
public enum InvoiceStatus
{
    Open,
    Paid,
    PartiallyPaid,

    /// <summary>Everything paid went back to the customer.</summary>
    Refunded,

    /// <summary>Credit notes cancelled what was due before anything was paid.</summary>
    Credited,

    WrittenOff,
}

[GenerateSerializer, Immutable, Alias("op.NewInvoice")]
public sealed record NewInvoice(
    string CustomerId, string? PropertyId, string? TicketId, string Title, IReadOnlyList<LineItem> Lines, string Currency, DateOnly DueDate, string IssuedBy);

/// <param name="Number">The company's invoice number, without gaps (1, 2, 3, ...).</param>
[GenerateSerializer, Immutable, Alias("op.Invoice")]
public sealed record Invoice(
    string InvoiceId, long Number, NewInvoice Details, DocumentTotals Totals, DateTimeOffset IssuedAt, InvoiceBalance Balance, InvoiceStatus Status)
{
    /// <summary>The number as people read it: "INV-00042".</summary>
    public string DisplayNumber => InvoiceNumbers.Display(Number);

    /// <summary>Due date passed with something still due (the due date's whole day counts, in UTC).</summary>
    public bool IsOverdue(DateTimeOffset now) => Balance.Due > 0 && DateOnly.FromDateTime(now.UtcDateTime) > Details.DueDate;
}
