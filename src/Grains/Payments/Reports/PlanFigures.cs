namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// Maintenance plans' money in one currency, from <c>plan_subscriptions</c> as it is now: <see cref="ActivePlans"/>
/// (active or past due) and <see cref="MonthlyRecurring"/>, the sum of their prices per month (MRR, minor units).
/// <see cref="Available"/> is false while the company has no plan subscription in this currency (the page then says
/// "no maintenance plans yet"). What plans will bring in the months ahead is in <see cref="MoneyForecast"/>.
/// </summary>
public sealed record PlanFigures(bool Available, int ActivePlans, long MonthlyRecurring)
{
    public static PlanFigures None { get; } = new(false, 0, 0);
}
