using Orleans;
using OrleansPortal.Grains.Dispatch;

namespace OrleansPortal.Web.Payments.Money;

/// <summary>
/// The days of the company's open jobs from today to <paramref name="last"/>, read from dispatch's planning calendar (one
/// call per six weeks: what the calendar answers at once), assigned or not. Each job once, on the day it is planned.
/// </summary>
public static class ScheduledJobDays
{
    public static async Task<IReadOnlyList<DateOnly>> ReadAsync(IDispatchGrain dispatch, DateOnly today, DateOnly last)
    {
        var days = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        for (var from = today; from <= last; from = from.AddDays(PlanningCalendar.MaxDays))
        {
            var to = from.AddDays(PlanningCalendar.MaxDays - 1) is var end && end < last ? end : last;
            var calendar = await dispatch.GetCalendarAsync(from, to);
            foreach (var job in calendar.Technicians.SelectMany(t => t.Days).SelectMany(d => d.Jobs).Concat(calendar.Unassigned))
                if (job.Day >= from && job.Day <= to) days.TryAdd(job.TicketId, job.Day);
        }

        return [.. days.Values];
    }
}
