namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// Maintenance plans' money in one currency, from <c>plan_subscriptions</c> as it is now: <see cref="ActivePlans"/>
/// (active or past due) and <see cref="MonthlyRecurring"/>, the sum of their prices per month (MRR, minor units).
/// <see cref="Available"/> is false while the company has no plan subscription in this currency (the page then says
/// "no maintenance plans yet"). <see cref="Forecast"/> (scheduled jobs plus plan renewals by month) is not computed
/// yet and is always empty: never an estimate.
/// </summary>
public sealed record PlanFigures(bool Available, int ActivePlans, long MonthlyRecurring, IReadOnlyList<ForecastMonth> Forecast)
{
    public static PlanFigures None { get; } = new(false, 0, 0, []);
}

/// <summary>What a month is expected to bring: jobs already scheduled and plans that renew in it.</summary>
public sealed record ForecastMonth(int Year, int Month, long ScheduledJobs, long PlanRenewals);
