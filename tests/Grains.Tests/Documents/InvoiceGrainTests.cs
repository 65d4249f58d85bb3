using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Ledger;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Documents;

/// <summary>An invoice's money is its ledger's: every movement is a row, and its balance and status are summed from them.</summary>
public sealed class InvoiceGrainTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private readonly string _tenant = "tenant-" + TenantKeys.NewId();

    private IMoneyLedger Ledger => cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IMoneyLedger>();

    [Fact]
    public async Task IssuedInvoices_AreNumberedInOrder_AndTotalledInCentsWithTax()
    {
        var (first, second) = (Invoice(), Invoice());

        var a = await first.IssueAsync(Details());
        var b = await second.IssueAsync(Details());

        Assert.Equal((1L, 2L), (a.Number, b.Number));
        Assert.Equal("INV-00001", a.DisplayNumber);
        // 2 x 80.00 + 19.99 at 23 %: 17999 + 4139.77 -> 4140.
        Assert.Equal((17_999L, 4_140L, 22_139L), (a.Totals.Subtotal, a.Totals.Taxes.Single().Tax, a.Totals.Total));
        Assert.Equal((InvoiceStatus.Open, 22_139L), (a.Status, a.Balance.Due));
        Assert.Equal([(LedgerKind.Issued, 22_139L, (long?)1)], (await first.GetLedgerAsync()).Select(e => (e.Kind, e.Amount, e.Number)));
    }

    [Fact]
    public async Task Payments_MovePartlyPaidThenPaid_AndAPaymentSeenTwiceCountsOnce()
    {
        var invoice = Invoice();
        var total = (await invoice.IssueAsync(Details())).Totals.Total;

        var part = await invoice.RecordPaymentAsync(Paid(10_000, "pi_1"));
        var again = await invoice.RecordPaymentAsync(Paid(10_000, "pi_1"));
        var rest = await invoice.RecordPaymentAsync(Paid(total - 10_000, "pi_2"));

        Assert.Equal((InvoiceStatus.PartiallyPaid, total - 10_000), (part.Status, part.Balance.Due));
        Assert.Equal((part.Balance, part.Status), (again.Balance, again.Status));
        Assert.Equal((InvoiceStatus.Paid, 0L, total), (rest.Status, rest.Balance.Due, rest.Balance.NetPaid));
        Assert.Equal([LedgerKind.Issued, LedgerKind.PartiallyPaid, LedgerKind.Paid], (await invoice.GetLedgerAsync()).Select(e => e.Kind));
    }

    [Fact]
    public async Task ARefund_ComesWithItsCreditNote_AndCannotExceedWhatWasPaid()
    {
        var invoice = Invoice();
        var total = (await invoice.IssueAsync(Details())).Totals.Total;
        await invoice.RecordPaymentAsync(Paid(total, "pi_1"));

        await Assert.ThrowsAsync<ConflictException>(() => invoice.RefundAsync(Paid(total + 1, "re_too_much")));
        var partly = await invoice.RefundAsync(Paid(5_000, "re_1"));
        var whole = await invoice.RefundAsync(Paid(total - 5_000, "re_2"));

        Assert.Equal((InvoiceStatus.Paid, 0L, total - 5_000), (partly.Status, partly.Balance.Due, partly.Balance.NetPaid));
        Assert.Equal((InvoiceStatus.Refunded, 0L, 0L), (whole.Status, whole.Balance.Due, whole.Balance.NetPaid));
        Assert.DoesNotContain(await invoice.GetLedgerAsync(), e => e.Source == "re_too_much");
        Assert.Equal(2, (await invoice.GetLedgerAsync()).Count(e => e.Kind == LedgerKind.Credited));
    }

    [Fact]
    public async Task CreditsAndWriteOffs_LowerWhatIsDue_ButNeverBelowNothing()
    {
        var invoice = Invoice();
        var total = (await invoice.IssueAsync(Details())).Totals.Total;

        var credited = await invoice.CreditAsync(Paid(2_139, "credit-1"));
        await Assert.ThrowsAsync<ConflictException>(() => invoice.WriteOffAsync(Paid(total, "write-off-too-much")));
        var writtenOff = await invoice.WriteOffAsync(Paid(total - 2_139, "write-off-1"));

        Assert.Equal((InvoiceStatus.Open, total - 2_139), (credited.Status, credited.Balance.Due));
        Assert.Equal((InvoiceStatus.WrittenOff, 0L), (writtenOff.Status, writtenOff.Balance.Due));
        await Assert.ThrowsAsync<ConflictException>(() => invoice.RecordPaymentAsync(Paid(100, "pi_usd") with { Currency = "USD" }));
    }

    [Fact]
    public async Task AnIssueWhoseWriteFailed_LeavesNoInvoice_AndTakesNoNumber()
    {
        var broken = Invoice();
        var numbered = await Invoice().IssueAsync(Details());

        using (StorageFaults.FailWritesOf(broken))
            await Assert.ThrowsAnyAsync<Exception>(() => broken.IssueAsync(Details()));

        await Assert.ThrowsAsync<NotFoundException>(() => broken.GetAsync());
        Assert.Equal(numbered.Number + 1, (await Invoice().IssueAsync(Details())).Number);
        Assert.Empty(await Ledger.ForInvoiceAsync(_tenant, broken.GetPrimaryKeyString().Split(':')[1]));
    }

    private IInvoiceGrain Invoice() => cluster.Client.GetGrain<IInvoiceGrain>(TenantKeys.For(_tenant, TenantKeys.NewId()));

    private static NewInvoice Details() =>
        new("customer", "site", null, "March visits", [new LineItem("Visit", 2m, 8000, 2300), new LineItem("Valve", 1m, 1999, 2300)], "EUR",
            new DateOnly(2026, 12, 31), "dana@example.com");

    private static MoneyMovement Paid(long amount, string source) => new(amount, "EUR", source, "stripe");
}
