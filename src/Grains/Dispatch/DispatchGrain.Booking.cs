using OrleansPortal.Grains.Dispatch.Optimization;
using OrleansPortal.Grains.Dispatch.Planning;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

public sealed partial class DispatchGrain
{
    /// <summary>Id of the job a booking question is about while its windows are tried; never a real ticket's (real ids are 32 hex digits).</summary>
    private const string Hypothetical = "~booking";

    public Task<StopEstimate?> GetEtaAsync(string ticketId) => Task.FromResult(_estimates.GetValueOrDefault(ticketId));

    public Task<BookingRules> GetBookingRulesAsync() => Task.FromResult(state.State.BookingRules);

    public async Task<BookingRules> SetBookingRulesAsync(BookingRules rules)
    {
        state.State.BookingRules = rules;
        await state.WriteStateAsync();
        return rules;
    }

    /// <summary>
    /// For each day and slot: the rules first (notice, blackout, jobs per day), then the real test: would the job
    /// fit into that day's live plan, with a qualified technician, without pushing any other job out? One day's
    /// problem is built once and each slot only changes the job's window.
    /// </summary>
    public async Task<IReadOnlyList<WindowOffer>> OfferWindowsAsync(BookingQuery query)
    {
        await CatchUpAsync();
        var rules = state.State.BookingRules;
        var offers = new List<WindowOffer>();
        var days = Math.Clamp(query.Days, 1, Math.Max(1, rules.DaysAhead));
        for (var day = query.From < Today ? Today : query.From; day < (query.From < Today ? Today : query.From).AddDays(days) && day <= Today.AddDays(rules.DaysAhead); day = day.AddDays(1))
        {
            var windows = rules.Slots.Select(s => (Slot: s, Window: new TimeWindow(PlanningInputs.Local(day, s.Start, _zone), PlanningInputs.Local(day, s.End, _zone)))).ToList();
            string? closed = rules.BlackoutDates.Contains(day) ? "We are closed that day."
                : rules.MaxJobsPerDay > 0 && JobsOf(day).Count(t => t.TicketId != query.Rescheduling) >= rules.MaxJobsPerDay ? "That day is fully booked."
                : null;
            DayContext? ctx = null;
            foreach (var (slot, window) in windows)
            {
                var unavailable = closed ?? (window.Start < Now + TimeSpan.FromHours(rules.MinimumNoticeHours) ? "Too soon to book." : null);
                if (unavailable is null)
                {
                    ctx ??= await BuildDayAsync(day, Probe(query, window), exclude: query.Rescheduling);
                    unavailable = Fits(ctx, window) ? null : "No technician is free then.";
                }
                offers.Add(new WindowOffer(day, slot.Name, window.Start, window.End, unavailable));
            }
        }
        return offers;
    }

    private TicketSnapshot Probe(BookingQuery query, TimeWindow window) => new(
        TenantId, Hypothetical,
        new NewTicket("", "", query.Location, "", "", query.Skills, query.Duration, window, TicketPriority.Routine),
        window, TicketStatus.Scheduled, null, null, false, []);

    private bool Fits(DayContext ctx, TimeWindow window)
    {
        var j = ctx.Problem.JobIndex(Hypothetical)!.Value;
        var jobs = ctx.Problem.Problem.Jobs.ToList();
        jobs[j] = jobs[j] with { Earliest = ctx.Problem.Seconds(window.Start), Latest = ctx.Problem.Seconds(window.End) };
        var problem = ctx.Problem.Problem with { Jobs = jobs };
        var routes = Reconcile(ctx, Routes(ctx.Day));
        var result = JobInsertion.InsertCheapest(problem, ctx.Problem.ToSolution(routes), j);
        return result.Inserted && result.Displaced.Count == 0;
    }
}
