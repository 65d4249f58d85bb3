using Orleans;

namespace OrleansPortal.Grains.Payments.Ledger;

/// <summary>
/// An invoice's money, summed from its ledger rows (never stored). A refund comes with a credit note of the same
/// amount, so refunding a paid invoice leaves nothing due; a credit note alone lowers what is due.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.InvoiceBalance")]
public sealed record InvoiceBalance(long Billed, long Credited, long WrittenOff, long Paid, long Refunded)
{
    /// <summary>What the customer still owes; negative when they paid more than is due (a credit balance).</summary>
    public long Due => Billed - Credited - WrittenOff - (Paid - Refunded);

    /// <summary>Paid and not refunded.</summary>
    public long NetPaid => Paid - Refunded;

    public static InvoiceBalance Of(IEnumerable<LedgerEntry> entries)
    {
        long Sum(IEnumerable<LedgerEntry> rows, params LedgerKind[] kinds) => rows.Where(r => kinds.Contains(r.Kind)).Sum(r => r.Amount);
        var rows = entries as IReadOnlyCollection<LedgerEntry> ?? [.. entries];
        return new InvoiceBalance(
            Sum(rows, LedgerKind.Issued), Sum(rows, LedgerKind.Credited), Sum(rows, LedgerKind.WrittenOff),
            Sum(rows, LedgerKind.Paid, LedgerKind.PartiallyPaid), Sum(rows, LedgerKind.Refunded));
    }
}
