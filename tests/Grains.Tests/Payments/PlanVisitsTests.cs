using OrleansPortal.Grains.Payments.Plans;
using OrleansPortal.Grains.Properties;

namespace OrleansPortal.Grains.Tests.Payments;

/// <summary>A paid period's visits: spread evenly over the period, never before tomorrow.</summary>
public sealed class PlanVisitsTests
{
    private static readonly PropertySnapshot Property = new("t", "p1", "c1", new PropertyDetails("Home", "Rua das Flores 10, Porto", new GeoPoint(41.15, -8.61), "", []), []);

    [Fact]
    public void AYearWithTwoVisits_HasThemHalfAYearApart_FromTheWeekdayThePeriodStarts()
    {
        var start = new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero); // a Monday
        var job = PlanVisits.For(Plan(PlanInterval.Year, visits: 2), "c1", "p1", Property, start, start.AddYears(1), "Europe/Lisbon", new DateOnly(2027, 2, 1));

        Assert.Equal((26, 2, new DateOnly(2027, 3, 1), DayOfWeek.Monday), (job.Rule.IntervalWeeks, job.Rule.Count, job.Rule.StartDate, job.Rule.Weekdays.Single()));
        Assert.Equal(("p1", TimeSpan.FromMinutes(90), "Rua das Flores 10, Porto"), (job.Template.PropertyId, job.Template.EstimatedDuration, job.Template.Address));
        Assert.Empty(job.Rule.Problems());
    }

    [Fact]
    public void APeriodPaidToday_StartsItsVisitsTomorrow()
    {
        var start = new DateTimeOffset(2027, 3, 1, 23, 30, 0, TimeSpan.Zero);
        var job = PlanVisits.For(Plan(PlanInterval.Month, visits: 1), "c1", "p1", Property, start, start.AddMonths(1), "Europe/Lisbon", new DateOnly(2027, 3, 1));

        Assert.Equal((new DateOnly(2027, 3, 2), 4, 1), (job.Rule.StartDate, job.Rule.IntervalWeeks, job.Rule.Count));
    }

    private static MaintenancePlan Plan(PlanInterval interval, int visits) =>
        new("plan", new NewMaintenancePlan("Care", null, 12_000, "EUR", interval, 1, visits, 90, ["irrigation"]), Active: true);
}
