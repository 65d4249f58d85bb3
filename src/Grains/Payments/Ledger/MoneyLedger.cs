using System.Data.Common;
using System.Globalization;
using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Payments.Ledger;

/// <summary><see cref="IMoneyLedger"/> on tables <c>money_ledger</c> and <c>invoice_numbers</c> (PostgreSQL or SQLite).</summary>
public sealed class MoneyLedger(PortalDatabase database) : IMoneyLedger
{
    private const string Columns = "seq, invoice_id, customer_id, property_id, kind, amount, currency, at, actor, source, number, note, due_on";

    private const string Insert =
        "INSERT INTO money_ledger (tenant_id, invoice_id, customer_id, property_id, kind, amount, currency, at, actor, source, number, note, due_on) " +
        "VALUES (@tenant, @invoice, @customer, @property, @kind, @amount, @currency, @at, @actor, @source, @number, @note, @due)";

    // The row lock this upsert takes on the company's counter is held to the end of the transaction: two invoices issued
    // at once take consecutive numbers, and a rollback gives the number back.
    private const string NextNumber =
        "INSERT INTO invoice_numbers (tenant_id, last_number) VALUES (@tenant, 1) " +
        "ON CONFLICT (tenant_id) DO UPDATE SET last_number = invoice_numbers.last_number + 1 RETURNING last_number";

    private const string OfInvoice = $"SELECT {Columns} FROM money_ledger WHERE tenant_id = @tenant AND invoice_id = @invoice ORDER BY seq";

    // PostgreSQL: the number taken and the row written in one statement, so the counter's row lock, which every issue of
    // the company waits for, is held for that statement and its commit only (as a transaction of several statements it
    // was held across their round trips, and issues queued behind it). A failed insert fails the statement, and the
    // number goes back with it.
    private const string IssueWithNumber =
        "WITH taken AS (" + NextNumber + ") " +
        "INSERT INTO money_ledger (tenant_id, invoice_id, customer_id, property_id, kind, amount, currency, at, actor, source, number, note, due_on) " +
        "SELECT @tenant, @invoice, @customer, @property, @kind, @amount, @currency, @at, @actor, @source, taken.last_number, @note, @due FROM taken " +
        "RETURNING " + Columns;

    public async Task<LedgerEntry> IssueAsync(NewLedgerEntry issued, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issued);
        if (issued.Kind != LedgerKind.Issued) throw new ArgumentException("Only an issued row takes a number.", nameof(issued));
        if (!database.IsPostgreSql) return await IssueInTransactionAsync(issued, cancellationToken);

        if (IssuedRow(await ForInvoiceAsync(issued.TenantId, issued.InvoiceId, cancellationToken)) is { } done) return done;
        try
        {
            return (await database.ChangeAndReadAsync(IssueWithNumber, a => Bind(a, issued, number: null), Read, cancellationToken)).Single();
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "money_ledger_issued_once")
        {
            // Issued at the same moment by another call (its number stands; this one's went back with the statement).
            return IssuedRow(await ForInvoiceAsync(issued.TenantId, issued.InvoiceId, cancellationToken))!;
        }
    }

    private static LedgerEntry? IssuedRow(IReadOnlyList<LedgerEntry> entries) => entries.FirstOrDefault(e => e.Kind == LedgerKind.Issued);

    // SQLite has one writer at a time: a transaction waits for no lock another holds.
    private Task<LedgerEntry> IssueInTransactionAsync(NewLedgerEntry issued, CancellationToken cancellationToken) =>
        database.TransactAsync(async t =>
        {
            var existing = await t.QueryAsync(OfInvoice, a => Invoice(a, issued.TenantId, issued.InvoiceId), Read);
            if (existing.FirstOrDefault(e => e.Kind == LedgerKind.Issued) is { } done) return done;
            var number = (await t.QueryAsync(NextNumber, a => a.Add("@tenant", issued.TenantId), r => r.GetInt64(0)))[0];
            await t.ExecuteAsync(Insert, a => Bind(a, issued, number));
            return (await t.QueryAsync(OfInvoice, a => Invoice(a, issued.TenantId, issued.InvoiceId), Read)).Single(e => e.Kind == LedgerKind.Issued);
        }, cancellationToken);

    public async Task<IReadOnlyList<LedgerEntry>> AppendAsync(IReadOnlyList<NewLedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) throw new ArgumentException("Nothing to append.", nameof(entries));
        var (tenant, invoice) = (entries[0].TenantId, entries[0].InvoiceId);
        if (entries.Any(e => e.TenantId != tenant || e.InvoiceId != invoice)) throw new ArgumentException("One invoice's rows at a time.", nameof(entries));
        if (entries.Any(e => e.Kind == LedgerKind.Issued)) throw new ArgumentException("An invoice is issued with IssueAsync.", nameof(entries));

        // One statement, so the rows are stored together or not at all (a refund and its credit note); a row whose source
        // is there already is skipped by the index that keeps each source once per invoice, so repeating a call, even
        // two at once, adds nothing.
        await database.ExecuteAsync(AppendRows(entries.Count), a =>
        {
            for (var i = 0; i < entries.Count; i++) Bind(a, entries[i], number: null, suffix: i.ToString(CultureInfo.InvariantCulture));
        }, cancellationToken);
        return await ForInvoiceAsync(tenant, invoice, cancellationToken);
    }

    private static string AppendRows(int count) =>
        "INSERT INTO money_ledger (tenant_id, invoice_id, customer_id, property_id, kind, amount, currency, at, actor, source, number, note, due_on) VALUES " +
        string.Join(", ", Enumerable.Range(0, count).Select(i =>
            $"(@tenant{i}, @invoice{i}, @customer{i}, @property{i}, @kind{i}, @amount{i}, @currency{i}, @at{i}, @actor{i}, @source{i}, @number{i}, @note{i}, @due{i})")) +
        " ON CONFLICT (tenant_id, invoice_id, source) WHERE source IS NOT NULL DO NOTHING";

    public async Task<IReadOnlyList<LedgerEntry>> ForInvoiceAsync(string tenantId, string invoiceId, CancellationToken cancellationToken = default) =>
        await database.QueryAsync(OfInvoice, a => Invoice(a, tenantId, invoiceId), Read, cancellationToken);

    public async Task<IReadOnlyList<LedgerEntry>> ForTenantAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        await database.QueryAsync($"SELECT {Columns} FROM money_ledger WHERE tenant_id = @tenant AND at >= @from AND at < @to ORDER BY seq",
            a => a.Add("@tenant", tenantId).AddTime("@from", from).AddTime("@to", to), Read, cancellationToken);

    private static void Invoice(SqlArguments a, string tenantId, string invoiceId) => a.Add("@tenant", tenantId).Add("@invoice", invoiceId);

    private void Bind(SqlArguments a, NewLedgerEntry e, long? number, string suffix = "") => a
        .Add("@tenant" + suffix, e.TenantId).Add("@invoice" + suffix, e.InvoiceId).Add("@customer" + suffix, e.CustomerId).Add("@property" + suffix, e.PropertyId)
        .Add("@kind" + suffix, KindName(e.Kind)).Add("@amount" + suffix, e.Amount).Add("@currency" + suffix, e.Currency.ToUpperInvariant()).AddTime("@at" + suffix, e.At)
        .Add("@actor" + suffix, e.Actor).Add("@source" + suffix, e.Source).Add("@number" + suffix, number).Add("@note" + suffix, e.Note).Add("@due" + suffix, DueOn(e.DueOn));

    // A date column on PostgreSQL, ISO text on SQLite (which sorts and compares it as a date).
    private object? DueOn(DateOnly? day) => day is not { } d ? null : database.IsPostgreSql ? d : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The kind as stored: issued, paid, partially_paid, refunded, credited, written_off.</summary>
    public static string KindName(LedgerKind kind) => kind switch
    {
        LedgerKind.PartiallyPaid => "partially_paid",
        LedgerKind.WrittenOff => "written_off",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static LedgerKind ParseKind(string name) => Enum.Parse<LedgerKind>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    private LedgerEntry Read(DbDataReader r) => new(
        Seq: r.GetInt64(0),
        InvoiceId: r.GetString(1),
        CustomerId: r.GetString(2),
        PropertyId: r.IsDBNull(3) ? null : r.GetString(3),
        Kind: ParseKind(r.GetString(4)),
        Amount: r.GetInt64(5),
        Currency: r.GetString(6),
        At: database.ReadTime(r, 7),
        Actor: r.GetString(8),
        Source: r.IsDBNull(9) ? null : r.GetString(9),
        Number: r.IsDBNull(10) ? null : Convert.ToInt64(r.GetValue(10), CultureInfo.InvariantCulture),
        Note: r.IsDBNull(11) ? null : r.GetString(11),
        DueOn: r.IsDBNull(12) ? null : database.IsPostgreSql ? r.GetFieldValue<DateOnly>(12) : DateOnly.ParseExact(r.GetString(12), "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
