namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// What the coming months are expected to bring in one currency, month by month from today's: the plan renewals that
/// fall in each (exact: price and renewal date are known) and the open jobs scheduled in each, valued at
/// <see cref="AverageJobInvoice"/> (an estimate, and said to be one: jobs carry no price until they are invoiced).
/// </summary>
/// <param name="AverageJobInvoice">The average invoice the office issued (plan periods left out) in the 90 days up to today; 0 when there was none.</param>
/// <param name="InvoicesAveraged">How many invoices that average is over, so the page can say how much to trust it.</param>
public sealed record MoneyForecast(string Currency, long AverageJobInvoice, int InvoicesAveraged, IReadOnlyList<ForecastMonth> Months)
{
    /// <summary>How far back the average job invoice looks.</summary>
    public const int AverageOverDays = 90;

    /// <summary>How many months ahead are forecast: today's month (from today) and the two after it.</summary>
    public const int MonthsAhead = 3;
}

/// <summary>One month of a forecast; amounts are minor units.</summary>
/// <param name="ScheduledJobsValue"><see cref="ScheduledJobs"/> times the average job invoice.</param>
public sealed record ForecastMonth(int Year, int Month, int ScheduledJobs, long ScheduledJobsValue, int Renewals, long PlanRenewals)
{
    public long Total => ScheduledJobsValue + PlanRenewals;
}
