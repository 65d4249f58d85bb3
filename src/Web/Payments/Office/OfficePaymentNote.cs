using OrleansPortal.Grains.Payments.Ledger;

namespace OrleansPortal.Web.Payments.Office;

/// <summary>
/// A payment the office records (cash, a bank transfer, a cheque) keeps its method and reference in the ledger row's
/// note, "transfer: PT50 ..." (the ledger has no column for them): written and read here only.
/// </summary>
public static class OfficePaymentNote
{
    public static readonly IReadOnlyList<string> Methods = ["cash", "transfer", "cheque"];

    public static string Write(string method, string? reference) => string.IsNullOrWhiteSpace(reference) ? method : $"{method}: {reference.Trim()}";

    /// <summary>The method and the rest of the note for an office payment's row; for any other row, no method and its note.</summary>
    public static (string? Method, string? Note) Read(LedgerEntry row)
    {
        if (row.Kind is not (LedgerKind.Paid or LedgerKind.PartiallyPaid) || row.Source?.StartsWith("office:", StringComparison.Ordinal) != true || row.Note is null)
            return (null, row.Note);
        var at = row.Note.IndexOf(':', StringComparison.Ordinal);
        var method = at < 0 ? row.Note : row.Note[..at];
        if (!Methods.Contains(method)) return (null, row.Note);
        return (method, at < 0 ? null : row.Note[(at + 1)..].Trim());
    }
}
