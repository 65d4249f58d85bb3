namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// What a money report covers: the company, the days <see cref="From"/> to <see cref="To"/> (both whole, in the
/// company's <see cref="TimeZone"/>), and the day the outstanding invoices are aged on (<see cref="AsOf"/>, counted to
/// its end). <see cref="Currency"/> is the company's: listed first, and alone (its figures empty) when there is no money.
/// </summary>
public sealed record MoneyPeriod(string TenantId, DateOnly From, DateOnly To, DateOnly AsOf, string TimeZone, string Currency = Currencies.Default)
{
    /// <summary>The longest span a report covers: five years of months keep the queries small.</summary>
    public const int MaxDays = 5 * 366;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The instant the company's day <paramref name="day"/> starts (after a spring-forward gap, if midnight falls in one).</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>
    /// The calendar months the period touches, each clipped to the period: the first starts at <see cref="From"/>, the
    /// last ends with <see cref="To"/>. As instants, so rows are put in months as the company's clocks read.
    /// </summary>
    public IReadOnlyList<ReportMonth> Months()
    {
        var zone = Zone;
        var months = new List<ReportMonth>();
        var start = From;
        while (start <= To)
        {
            var nextMonth = new DateOnly(start.Year, start.Month, 1).AddMonths(1);
            var end = nextMonth <= To ? nextMonth : To.AddDays(1);
            months.Add(new ReportMonth(start.Year, start.Month, StartOf(start, zone), StartOf(end, zone)));
            start = end;
        }

        return months;
    }
}

/// <summary>A month of a report: rows at or after <paramref name="Start"/> and before <paramref name="End"/>.</summary>
public sealed record ReportMonth(int Year, int Month, DateTimeOffset Start, DateTimeOffset End);
