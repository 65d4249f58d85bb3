using OrleansPortal.Grains.Dispatch.Recurring;
using OrleansPortal.Grains.Properties;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Payments.Plans;

/// <summary>
/// A paid period's visits as a recurring series: the plan's visits spread evenly over the period's weeks, on the
/// weekday the period starts, in the morning (09:00-12:00 in the company's zone), the first one in the period's
/// first week. Pure.
/// </summary>
public static class PlanVisits
{
    private static readonly TimeOnly WindowStart = new(9, 0), WindowEnd = new(12, 0);

    public static RecurringJob For(MaintenancePlan plan, string customerId, string propertyId, PropertySnapshot property, DateTimeOffset periodStart,
        DateTimeOffset periodEnd, string timeZone, DateOnly today)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var start = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(periodStart, zone).DateTime);
        if (start <= today) start = today.AddDays(1); // a period paid today starts its visits tomorrow at the earliest
        var weeks = Math.Max(1, (int)((periodEnd - periodStart).TotalDays / 7));
        var visits = plan.Terms.VisitsPerPeriod;
        var every = Math.Clamp(weeks / visits, 1, RecurrenceRule.MaxIntervalWeeks);
        var template = new NewTicket(customerId, propertyId, property.Details.Location, property.Details.Address,
            $"{plan.Terms.Name}: maintenance visit", plan.Terms.Skills, TimeSpan.FromMinutes(plan.Terms.VisitMinutes), ArrivalWindow: null, TicketPriority.Routine);
        return new RecurringJob(template, new RecurrenceRule(every, [start.DayOfWeek], WindowStart, WindowEnd, timeZone, start, Count: visits));
    }
}
