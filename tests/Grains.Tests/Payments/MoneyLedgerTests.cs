using OrleansPortal.Grains.Payments.Ledger;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Payments;

/// <summary>The ledger's contract, run once per database by the sealed subclasses; each test uses fresh companies.</summary>
public abstract class MoneyLedgerTests(HistoryDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private PortalDatabase _tables = null!;
    private MoneyLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _tables = await PortalTables.OpenAsync(database);
        _ledger = new MoneyLedger(_tables);
    }

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    [Fact]
    public async Task InvoicesIssuedAtOnce_TakeConsecutiveNumbers_WithoutGapsOrRepeats_PerCompany()
    {
        var (tenant, other) = (NewTenant(), NewTenant());

        var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => _ledger.IssueAsync(Issued(tenant, $"inv-{i}", 1000 + i))));
        var theirs = await _ledger.IssueAsync(Issued(other, "inv-0", 500));

        Assert.Equal(Enumerable.Range(1, 40).Select(n => (long?)n), numbers.Select(e => e.Number).Order());
        Assert.Equal(1, theirs.Number); // another company counts on its own
        Assert.Equal(new DateOnly(2026, 12, 31), theirs.DueOn);
    }

    [Fact]
    public async Task AnIssueThatFails_TakesNoNumber()
    {
        var tenant = NewTenant();
        Assert.Equal(1, (await _ledger.IssueAsync(Issued(tenant, "first", 1000))).Number);

        // The database refuses the row (a negative amount breaks its CHECK): the transaction that took number 2 rolls back.
        await Assert.ThrowsAnyAsync<Exception>(() => _ledger.IssueAsync(Issued(tenant, "broken", -1)));

        Assert.Equal(2, (await _ledger.IssueAsync(Issued(tenant, "second", 1000))).Number);
        Assert.Empty(await _ledger.ForInvoiceAsync(tenant, "broken"));
    }

    [Fact]
    public async Task IssuingAgain_ReturnsTheSameRow_AndTakesNoNewNumber()
    {
        var tenant = NewTenant();
        var first = await _ledger.IssueAsync(Issued(tenant, "inv", 1000));

        var again = await _ledger.IssueAsync(Issued(tenant, "inv", 1000) with { At = T0.AddHours(1) });

        Assert.Equal(first, again);
        Assert.Equal(2, (await _ledger.IssueAsync(Issued(tenant, "next", 1000))).Number);
    }

    [Fact]
    public async Task RowsAreAddedAllOrNone_AndASourceIsRecordedOncePerInvoice()
    {
        var tenant = NewTenant();
        await _ledger.IssueAsync(Issued(tenant, "inv", 10_000));
        var refund = Row(tenant, "inv", LedgerKind.Refunded, 2000, "re_1");

        await Assert.ThrowsAnyAsync<Exception>(() => _ledger.AppendAsync([refund, Row(tenant, "inv", LedgerKind.Credited, -2000, "re_1:credit")]));
        Assert.Equal([LedgerKind.Issued], (await _ledger.ForInvoiceAsync(tenant, "inv")).Select(e => e.Kind));

        await _ledger.AppendAsync([Row(tenant, "inv", LedgerKind.PartiallyPaid, 4000, "pi_1")]);
        var rows = await _ledger.AppendAsync([Row(tenant, "inv", LedgerKind.Paid, 4000, "pi_1"), Row(tenant, "inv", LedgerKind.Paid, 6000, "pi_2")]);

        Assert.Equal([(LedgerKind.Issued, 10_000L, (string?)null), (LedgerKind.PartiallyPaid, 4000L, "pi_1"), (LedgerKind.Paid, 6000L, "pi_2")],
            rows.Select(e => (e.Kind, e.Amount, e.Source)));
        Assert.Equal(0, InvoiceBalance.Of(rows).Due);
        Assert.Equal(("customer", "site", "EUR", "stripe"), (rows[1].CustomerId, rows[1].PropertyId, rows[1].Currency, rows[1].Actor));
        Assert.Equal(T0, rows[1].At);
    }

    [Fact]
    public async Task TheCompanysRows_AreReadByTime()
    {
        var tenant = NewTenant();
        await _ledger.IssueAsync(Issued(tenant, "a", 1000));
        await _ledger.IssueAsync(Issued(tenant, "b", 2000) with { At = T0.AddDays(40) });
        await _ledger.IssueAsync(Issued(NewTenant(), "c", 3000));

        var rows = await _ledger.ForTenantAsync(tenant, T0, T0.AddDays(30));

        Assert.Equal(["a"], rows.Select(r => r.InvoiceId));
    }

    private static NewLedgerEntry Issued(string tenant, string invoice, long amount) =>
        new(tenant, invoice, "customer", "site", LedgerKind.Issued, amount, "EUR", T0, "dana@example.com", Source: null, DueOn: new DateOnly(2026, 12, 31));

    private static NewLedgerEntry Row(string tenant, string invoice, LedgerKind kind, long amount, string source) =>
        new(tenant, invoice, "customer", "site", kind, amount, "eur", T0, "stripe", source);

    private static string NewTenant() => "ledger-" + Guid.NewGuid().ToString("N");
}
