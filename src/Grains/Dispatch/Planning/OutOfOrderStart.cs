namespace OrleansPortal.Grains.Dispatch.Planning;

/// <summary>
/// What a technician starting a job before its turn does to the rest of their day, and the order the day then takes:
/// the jobs on site stay first, then the job they set off to, then the other jobs already under way, then the rest in
/// the order that keeps the windows best (lateness weighted by priority first, then driving). Only this technician's
/// route is reordered: every job on it, pinned or not, stays theirs. Pure.
/// </summary>
public static class OutOfOrderStart
{
    /// <summary>A job made later by less than this is not worth a warning (estimates are rounded to tenths of minutes).</summary>
    public const double NoticeableMinutes = 1;

    /// <summary>Minutes late outweigh driving: one minute late (of a routine job) costs as much as 1,000 km more.</summary>
    private const double MetersPerLateMinute = 1_000_000;

    /// <summary>Moves tried before settling, so a long route cannot hold dispatch's turn for long.</summary>
    private const int MaxPasses = 50;

    /// <param name="InOrder">The job is the next one (or already under way, or not on the route): starting it changes nothing.</param>
    /// <param name="Next">The job the route has next; null when nothing is left to start.</param>
    /// <param name="Order">The route once the job is started: the same route when in order.</param>
    /// <param name="Hurt">The other jobs that would arrive later past their windows by at least <see cref="NoticeableMinutes"/>, before and after.</param>
    public sealed record Outcome(bool InOrder, int? Next, IReadOnlyList<int> Order, IReadOnlyList<(StopTimes Before, StopTimes After)> Hurt);

    /// <param name="route">The technician's route as planned, job indices in order (jobs under way first, as dispatch keeps them).</param>
    /// <param name="onSite">Whether a job of the route is on site now (its technician is working there).</param>
    public static Outcome Evaluate(DayProblem day, int vehicle, IReadOnlyList<int> route, int job, Func<int, bool> onSite)
    {
        var next = route.Where(j => !onSite(j)).Cast<int?>().FirstOrDefault();
        if (!route.Contains(job) || next == job || day.Jobs[job].InProgress) return new Outcome(true, next, route, []);

        var order = StartingWith(day, vehicle, route, job, onSite);
        var before = RouteTimes.Simulate(day, vehicle, route).Stops.ToDictionary(s => s.Job);
        var hurt = RouteTimes.Simulate(day, vehicle, order).Stops
            .Where(s => s.Job != job && s.MinutesLate - before[s.Job].MinutesLate >= NoticeableMinutes)
            .Select(s => (before[s.Job], s))
            .ToList();
        return new Outcome(false, next, order, hurt);
    }

    /// <summary>The route with <paramref name="job"/> right after the jobs on site, and the jobs not yet under way reordered behind it.</summary>
    public static IReadOnlyList<int> StartingWith(DayProblem day, int vehicle, IReadOnlyList<int> route, int job, Func<int, bool> onSite)
    {
        List<int> head =
        [
            .. route.Where(j => j != job && onSite(j)),
            job,
            .. route.Where(j => j != job && !onSite(j) && day.Jobs[j].InProgress),
        ];
        var rest = route.Where(j => !head.Contains(j)).ToList();
        return [.. head, .. BestOrder(day, vehicle, head, rest)];
    }

    /// <summary>
    /// Local search from two starts (the planned order, and earliest deadline first): move one job elsewhere, or swap
    /// two, while that lowers the cost. Routes are a dozen jobs or so; each pass costs O(n³) simulation steps.
    /// </summary>
    private static List<int> BestOrder(DayProblem day, int vehicle, List<int> head, List<int> rest)
    {
        var byDeadline = rest.OrderBy(j => day.Jobs[j].Window?.End ?? DateTimeOffset.MaxValue).ToList();
        var best = Improve(rest);
        var other = Improve(byDeadline);
        return Cost(other) < Cost(best) ? other : best;

        List<int> Improve(List<int> start)
        {
            var order = start.ToList();
            var cost = Cost(order);
            for (var pass = 0; pass < MaxPasses; pass++)
            {
                var improved = false;
                foreach (var candidate in Neighbours(order))
                {
                    var candidateCost = Cost(candidate);
                    if (candidateCost >= cost - 1e-6) continue;
                    (order, cost, improved) = (candidate, candidateCost, true);
                    break;
                }
                if (!improved) break;
            }
            return order;
        }

        double Cost(List<int> order)
        {
            var times = RouteTimes.Simulate(day, vehicle, [.. head, .. order]);
            var late = times.Stops.Sum(s => s.MinutesLate * PriorityWeight(day, s.Job));
            return late * MetersPerLateMinute + times.Meters;
        }
    }

    private static IEnumerable<List<int>> Neighbours(List<int> order)
    {
        for (var i = 0; i < order.Count; i++)
        {
            for (var k = 0; k < order.Count; k++)
            {
                if (k == i) continue;
                var moved = order.ToList();
                moved.RemoveAt(i);
                moved.Insert(k, order[i]);
                yield return moved;
                if (k <= i) continue;
                var swapped = order.ToList();
                (swapped[i], swapped[k]) = (swapped[k], swapped[i]);
                yield return swapped;
            }
        }
    }

    // An emergency's minute late weighs as its unassigned penalty does against a routine job's: a hundred times more.
    private static double PriorityWeight(DayProblem day, int job) =>
        DayProblem.PenaltyFor(day.Jobs[job].Priority) / DayProblem.PenaltyFor(Tickets.TicketPriority.Routine);
}
