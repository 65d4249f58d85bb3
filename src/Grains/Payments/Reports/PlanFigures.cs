namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// Maintenance plans' money: monthly recurring revenue and the forecast (scheduled jobs plus plan renewals, by month).
/// Plans do not exist yet (a later slice of issue 15): <see cref="Available"/> is false and every figure is zero or
/// empty, never estimated; the page says "no maintenance plans yet".
/// </summary>
public sealed record PlanFigures(bool Available, int ActivePlans, long MonthlyRecurring, IReadOnlyList<ForecastMonth> Forecast)
{
    public static PlanFigures None { get; } = new(false, 0, 0, []);
}

/// <summary>What a month is expected to bring: jobs already scheduled and plans that renew in it.</summary>
public sealed record ForecastMonth(int Year, int Month, long ScheduledJobs, long PlanRenewals);
