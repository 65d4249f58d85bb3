namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// The office's money view: figures summed by the database over <c>money_ledger</c> and <c>payments</c> for one company,
/// one set per currency (amounts of two currencies are never added). Read-only; every figure of one answer is read
/// as of the same moment only as far as the database's autocommit reads allow (each query sees committed rows).
/// </summary>
public interface IMoneyReports
{
    /// <summary>Every figure of the money view for <paramref name="period"/>.</summary>
    Task<MoneyOverview> OverviewAsync(MoneyPeriod period, CancellationToken cancellationToken = default);

    /// <summary>The invoices with something due at the end of <see cref="MoneyPeriod.AsOf"/>, oldest due date first (the drill-down and its CSV).</summary>
    Task<IReadOnlyList<OutstandingInvoice>> OutstandingAsync(MoneyPeriod period, CancellationToken cancellationToken = default);
}
