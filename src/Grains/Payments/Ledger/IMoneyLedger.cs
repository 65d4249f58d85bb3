namespace OrleansPortal.Grains.Payments.Ledger;

/// <summary>
/// The append-only record of every financial event (table <c>money_ledger</c>). Rows are only inserted; each write is
/// durable when it returns. An invoice's rows are written by its grain alone.
/// </summary>
public interface IMoneyLedger
{
    /// <summary>
    /// Records the invoice as issued and gives it the company's next invoice number, in one transaction: a failure takes
    /// no number, so numbers have no gaps. Issuing an invoice already issued returns its row as it was.
    /// </summary>
    Task<LedgerEntry> IssueAsync(NewLedgerEntry issued, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds <paramref name="entries"/> (all of one invoice) in one transaction: all or none. A row whose source the
    /// invoice already has is skipped, so a provider's event delivered twice records once. Returns the invoice's rows after.
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> AppendAsync(IReadOnlyList<NewLedgerEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>The invoice's rows in the order recorded.</summary>
    Task<IReadOnlyList<LedgerEntry>> ForInvoiceAsync(string tenantId, string invoiceId, CancellationToken cancellationToken = default);

    /// <summary>The company's rows recorded at or after <paramref name="from"/> and before <paramref name="to"/>, in order.</summary>
    Task<IReadOnlyList<LedgerEntry>> ForTenantAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
