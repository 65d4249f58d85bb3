using Orleans;

namespace OrleansPortal.Grains.Payments.Plans;

[GenerateSerializer, Alias("op.PlanInterval")]
public enum PlanInterval
{
    Month,
    Year,
}

/// <summary>
/// A maintenance plan a company sells: <see cref="Price"/> (minor units) every <see cref="IntervalCount"/>
/// <see cref="Interval"/>s, with <see cref="VisitsPerPeriod"/> visits of <see cref="VisitMinutes"/> each period.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.NewMaintenancePlan")]
public sealed record NewMaintenancePlan(
    string Name, string? Description, long Price, string Currency, PlanInterval Interval, int IntervalCount, int VisitsPerPeriod, int VisitMinutes,
    IReadOnlyList<string> Skills);

/// <param name="Active">Offered to customers; a retired plan keeps its subscribers until they leave.</param>
[GenerateSerializer, Immutable, Alias("op.MaintenancePlan")]
public sealed record MaintenancePlan(string PlanId, NewMaintenancePlan Terms, bool Active)
{
    /// <summary>The length of one period, in months.</summary>
    public int PeriodMonths => Terms.Interval == PlanInterval.Year ? 12 * Terms.IntervalCount : Terms.IntervalCount;

    /// <summary>What the plan brings in per month, in minor units (rounded down): the figure MRR adds up.</summary>
    public long MonthlyRevenue => Terms.Price / PeriodMonths;
}
