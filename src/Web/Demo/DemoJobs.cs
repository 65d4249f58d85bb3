using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Web.Demo;

/// <summary>
/// A day of work for the demo company, so the board has something to dispatch: jobs around Porto with two-hour
/// windows over the rest of the local day (tomorrow's when today is nearly over), a few high-priority ones and one
/// emergency; two are the demo household's (<see cref="DemoCustomer"/>). Ticket ids come from the date and the job's
/// number, so a restarted demo finds its jobs instead of doubling them.
/// </summary>
public sealed class DemoJobs(IClusterClient grains, DomainClock clock, DemoCustomer household, DemoBilling billing, DemoSupport support, DemoHelpCenter help, DemoFeedback feedback)
{
    public const int JobsPerDay = 30;
    public const string TimeZone = "Europe/Lisbon";
    public static readonly TimeOnly DayStarts = new(7, 0);
    public static readonly TimeOnly DayEnds = new(22, 0);

    private static readonly string[] Work =
    [
        "Sprinkler zone does not turn on", "Replace backflow preventer", "Annual backflow test", "HVAC unit is noisy",
        "Thermostat shows an error", "Roof leak over the garage", "Drip line is leaking", "Controller needs reprogramming",
        "Gutter overflowing", "Air conditioning not cooling",
    ];

    private static readonly string[][] SkillsFor = [["irrigation"], ["backflow"], ["backflow"], ["hvac"], ["hvac"], ["roofing"], ["irrigation"], ["irrigation"], ["roofing"], ["hvac"]];

    public async Task SeedAsync()
    {
        await household.EnsureAsync();
        await billing.EnsureAsync();
        await support.EnsureAsync();
        await help.EnsureAsync();
        await feedback.EnsureAsync();
        await grains.GetGrain<IDispatchGrain>(DemoCompany.TenantId).UpdateSettingsAsync(TimeZone, autoAssign: true);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var from = TimeOnly.FromDateTime(local.DateTime.AddMinutes(30));
        if (from < DayStarts) from = DayStarts;
        if (from.AddHours(3) > DayEnds || from < TimeOnly.FromDateTime(local.DateTime))
        {
            day = day.AddDays(1); // too little of today is left
            from = DayStarts;
        }

        var random = new Random(day.DayNumber);
        var slots = (int)((DayEnds - from).TotalHours - 2);
        for (var i = 0; i < JobsPerDay; i++)
        {
            var kind = random.Next(Work.Length);
            var start = from.AddHours(random.Next(Math.Max(1, slots + 1)));
            var window = new TimeWindow(Local(day, start, zone), Local(day, start.AddHours(2), zone));
            var priority = i == 0 ? TicketPriority.Emergency : random.Next(6) == 0 ? TicketPriority.High : TicketPriority.Routine;
            var location = new GeoPoint(41.135 + random.NextDouble() * 0.05, -8.68 + random.NextDouble() * 0.10);
            var ticket = new NewTicket(
                $"demo-customer-{random.Next(100)}", $"demo-property-{i}", location, $"Demo site {i + 1}, Porto", Work[kind],
                SkillsFor[kind], TimeSpan.FromMinutes(30 + 15 * random.Next(5)), window, priority);
            // Two of the day's jobs are the demo household's, so its portal has appointments to follow.
            if (i is 1 or 2) ticket = ticket with { CustomerId = DemoCustomer.CustomerId, PropertyId = DemoCustomer.PropertyId, Location = DemoCustomer.Location, Address = DemoCustomer.Address };
            try
            {
                await grains.GetGrain<ITicketGrain>(TenantKeys.For(DemoCompany.TenantId, TicketId(day, i))).CreateAsync(ticket, "demo");
            }
            catch (ConflictException)
            {
                // Seeded by an earlier run of the demo today.
            }
        }
    }

    private static DateTimeOffset Local(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string TicketId(DateOnly day, int job) => DemoIds.For($"demo:{day:yyyy-MM-dd}:{job}");
}
