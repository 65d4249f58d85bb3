using System.Globalization;
using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// <see cref="IMoneyReports"/> as a handful of grouped queries over <c>money_ledger</c> and <c>payments</c> (PostgreSQL or
/// SQLite): the database sums, the code only arranges the sums by currency. No grain is asked, so a company with
/// thousands of invoices costs four queries, not thousands of calls.
/// </summary>
public sealed class MoneyReports(PortalDatabase database) : IMoneyReports
{
    // What each kind does to what is due: issued and refunded add, every other kind (paid, partially paid, credited,
    // written off) takes away. Rows after the end of the as-of day are not counted, so a past day reads as it was.
    private const string Owed =
        "WITH owed AS (SELECT invoice_id, currency, MAX(customer_id) AS customer_id, " +
        "MAX(CASE WHEN kind = 'issued' THEN number END) AS number, MAX(CASE WHEN kind = 'issued' THEN due_on END) AS due_on, " +
        "CAST(SUM(CASE WHEN kind IN ('issued', 'refunded') THEN amount ELSE -amount END) AS bigint) AS due " +
        "FROM money_ledger WHERE tenant_id = @tenant AND at < @end GROUP BY invoice_id, currency " +
        "HAVING SUM(CASE WHEN kind IN ('issued', 'refunded') THEN amount ELSE -amount END) > 0 AND MAX(CASE WHEN kind = 'issued' THEN number END) IS NOT NULL), ";

    // Bucket numbers are AgeBucket's values; the boundaries are AgeBucket's documentation.
    private const string Bucket = "CASE WHEN days < 0 THEN 0 WHEN days <= 30 THEN 1 WHEN days <= 60 THEN 2 WHEN days <= 90 THEN 3 ELSE 4 END";

    private const string Received = "CASE WHEN kind IN ('paid', 'partially_paid') THEN amount WHEN kind = 'refunded' THEN -amount ELSE 0 END";
    private const string Invoiced = "CASE WHEN kind = 'issued' THEN amount WHEN kind = 'credited' THEN -amount ELSE 0 END";

    public async Task<MoneyOverview> OverviewAsync(MoneyPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var zone = period.Zone;
        var asOfMonth = period with { From = new DateOnly(period.AsOf.Year, period.AsOf.Month, 1), To = period.AsOf };
        var ages = await AgesAsync(period, zone, cancellationToken);
        var statuses = await StatusesAsync(period, zone, cancellationToken);
        var months = period.Months();
        var revenue = await RevenueAsync(period.TenantId, months, cancellationToken);
        var thisMonth = await RevenueAsync(period.TenantId, asOfMonth.Months(), cancellationToken);
        var plans = await PlansAsync(period.TenantId, cancellationToken);

        var currencies = ReportCurrencies.Arrange(ages.Select(a => a.Currency).Concat(statuses.Select(s => s.Currency)).Concat(revenue.Select(r => r.Currency))
            .Concat(thisMonth.Select(r => r.Currency)).Concat(plans.Keys), period.Currency);
        var figures = currencies
            .Select(c => new CurrencyFigures(
                c,
                OutstandingOf(ages.Where(a => a.Currency == c)),
                PaymentsOf(statuses.Where(s => s.Currency == c)),
                [.. months.Select(m => revenue.FirstOrDefault(r => r.Currency == c && r.Month == m) is { } row
                    ? new MonthRevenue(m.Year, m.Month, row.Received, row.Invoiced) : new MonthRevenue(m.Year, m.Month, 0, 0))],
                thisMonth.Where(r => r.Currency == c).Sum(r => r.Received),
                plans.GetValueOrDefault(c, PlanFigures.None)))
            .ToList();
        return new MoneyOverview(period.From, period.To, period.AsOf, period.TimeZone, figures);
    }

    public async Task<IReadOnlyList<OutstandingInvoice>> OutstandingAsync(MoneyPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var sql = Owed + Aged + "SELECT a.invoice_id, a.number, a.customer_id, d.name, a.due_on, a.due, a.currency, a.days, " + Bucket +
            " FROM aged a LEFT JOIN customer_directory d ON d.tenant_id = @tenant AND d.customer_id = a.customer_id ORDER BY a.due_on, a.number";
        return await database.QueryAsync(sql, a => BindAsOf(a, period, period.Zone), r => new OutstandingInvoice(
            InvoiceId: r.GetString(0),
            Number: PortalDatabase.ReadLong(r, 1),
            CustomerId: r.GetString(2),
            CustomerName: r.IsDBNull(3) ? null : r.GetString(3),
            DueOn: database.IsPostgreSql ? r.GetFieldValue<DateOnly>(4) : DateOnly.ParseExact(r.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Due: PortalDatabase.ReadLong(r, 5),
            Currency: r.GetString(6),
            DaysPastDue: (int)PortalDatabase.ReadLong(r, 7),
            Bucket: (AgeBucket)PortalDatabase.ReadLong(r, 8)), cancellationToken);
    }

    // Whole days from the due date to the as-of day: a date difference on PostgreSQL, Julian day numbers of the ISO text on SQLite.
    private string Aged => database.IsPostgreSql
        ? "aged AS (SELECT owed.*, (CAST(@asof AS date) - due_on) AS days FROM owed) "
        : "aged AS (SELECT owed.*, CAST(ROUND(julianday(@asof) - julianday(due_on)) AS INTEGER) AS days FROM owed) ";

    private async Task<List<AgeRow>> AgesAsync(MoneyPeriod period, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            Owed + Aged + $"SELECT currency, {Bucket} AS bucket, COUNT(*), CAST(SUM(due) AS bigint), CAST(SUM(CASE WHEN days >= 1 THEN due ELSE 0 END) AS bigint) " +
            $"FROM aged GROUP BY 1, 2",
            a => BindAsOf(a, period, zone),
            r => new AgeRow(r.GetString(0), (AgeBucket)PortalDatabase.ReadLong(r, 1), (int)PortalDatabase.ReadLong(r, 2), PortalDatabase.ReadLong(r, 3), PortalDatabase.ReadLong(r, 4)), cancellationToken);

    private async Task<List<StatusRow>> StatusesAsync(MoneyPeriod period, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            "SELECT currency, status, COUNT(*), CAST(SUM(amount) AS bigint) FROM payments " +
            "WHERE tenant_id = @tenant AND created_at >= @from AND created_at < @to GROUP BY currency, status",
            a => a.Add("@tenant", period.TenantId).AddTime("@from", MoneyPeriod.StartOf(period.From, zone)).AddTime("@to", MoneyPeriod.StartOf(period.To.AddDays(1), zone)),
            r => new StatusRow(r.GetString(0), Enum.Parse<PaymentStatus>(r.GetString(1), ignoreCase: true), (int)PortalDatabase.ReadLong(r, 2), PortalDatabase.ReadLong(r, 3)), cancellationToken);

    // One query for every month: each row falls in the month whose bounds hold its time (a CASE over the month starts,
    // computed here in the company's zone, so summer time and month lengths are the zone's and not the database's).
    private async Task<List<RevenueRow>> RevenueAsync(string tenantId, IReadOnlyList<ReportMonth> months, CancellationToken cancellationToken)
    {
        var index = months.Count == 1 ? "0"
            : "CASE " + string.Concat(Enumerable.Range(1, months.Count - 1).Select(i => $"WHEN at < @b{i} THEN {i - 1} ")) + $"ELSE {months.Count - 1} END";
        var rows = await database.QueryAsync(
            $"SELECT currency, {index} AS m, CAST(SUM({Received}) AS bigint), CAST(SUM({Invoiced}) AS bigint) FROM money_ledger " +
            $"WHERE tenant_id = @tenant AND at >= @b0 AND at < @b{months.Count} GROUP BY 1, 2",
            a =>
            {
                a.Add("@tenant", tenantId);
                for (var i = 0; i < months.Count; i++) a.AddTime($"@b{i}", months[i].Start);
                a.AddTime($"@b{months.Count}", months[^1].End);
            },
            r => (Currency: r.GetString(0), Month: (int)PortalDatabase.ReadLong(r, 1), Received: PortalDatabase.ReadLong(r, 2), Invoiced: PortalDatabase.ReadLong(r, 3)), cancellationToken);
        return [.. rows.Select(r => new RevenueRow(r.Currency, months[r.Month], r.Received, r.Invoiced))];
    }

    // MRR is now, not as of the period: plan_subscriptions holds each subscription's latest state only. Active and past-due
    // plans count (a past-due one is still billed, its renewal being retried); paused and canceled ones do not.
    private async Task<Dictionary<string, PlanFigures>> PlansAsync(string tenantId, CancellationToken cancellationToken)
    {
        const string Billed = "status IN ('active', 'past_due')";
        var rows = await database.QueryAsync(
            $"SELECT currency, SUM(CASE WHEN {Billed} THEN 1 ELSE 0 END), CAST(SUM(CASE WHEN {Billed} THEN monthly ELSE 0 END) AS bigint) " +
            "FROM plan_subscriptions WHERE tenant_id = @tenant GROUP BY currency",
            a => a.Add("@tenant", tenantId),
            r => (Currency: r.GetString(0), Plans: (int)PortalDatabase.ReadLong(r, 1), Monthly: PortalDatabase.ReadLong(r, 2)), cancellationToken);
        return rows.ToDictionary(r => r.Currency, r => new PlanFigures(true, r.Plans, r.Monthly), StringComparer.Ordinal);
    }

    private void BindAsOf(SqlArguments a, MoneyPeriod period, TimeZoneInfo zone) => a
        .Add("@tenant", period.TenantId)
        .AddTime("@end", MoneyPeriod.StartOf(period.AsOf.AddDays(1), zone))
        .Add("@asof", database.IsPostgreSql ? period.AsOf : period.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static OutstandingByAge OutstandingOf(IEnumerable<AgeRow> rows)
    {
        var list = rows.ToList();
        return new OutstandingByAge(
            list.Sum(r => r.Amount), list.Sum(r => r.Count), list.Sum(r => r.Overdue),
            [.. Enum.GetValues<AgeBucket>().Select(b => list.FirstOrDefault(r => r.Bucket == b) is { } row ? new AgeFigure(b, row.Count, row.Amount) : new AgeFigure(b, 0, 0))]);
    }

    private static PaymentsByStatus PaymentsOf(IEnumerable<StatusRow> rows)
    {
        var list = rows.ToList();
        var figures = Enum.GetValues<PaymentStatus>()
            .Select(s => list.FirstOrDefault(r => r.Status == s) is { } row ? new StatusFigure(s, row.Count, row.Amount) : new StatusFigure(s, 0, 0)).ToList();
        var succeeded = figures.Single(f => f.Status == PaymentStatus.Succeeded).Count;
        var decided = succeeded + figures.Single(f => f.Status == PaymentStatus.Failed).Count;
        return new PaymentsByStatus(figures, decided == 0 ? null : (double)succeeded / decided);
    }

    private sealed record AgeRow(string Currency, AgeBucket Bucket, int Count, long Amount, long Overdue);

    private sealed record StatusRow(string Currency, PaymentStatus Status, int Count, long Amount);

    private sealed record RevenueRow(string Currency, ReportMonth Month, long Received, long Invoiced);
}
