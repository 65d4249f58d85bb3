namespace OrleansPortal.Grains.Dispatch.Planning;

/// <summary>When each stop of a plan happens, and what the plan costs in kilometres and minutes late. Pure.</summary>
public sealed record RouteTimeline(IReadOnlyList<RouteTimes> Routes, double Meters, double MinutesLate, int LateJobs)
{
    public double Kilometers => Meters / 1000;

    public static RouteTimeline Simulate(DayProblem day, IReadOnlyList<IReadOnlyList<int>> routes)
    {
        var all = new List<RouteTimes>(routes.Count);
        for (var v = 0; v < routes.Count; v++) all.Add(RouteTimes.Simulate(day, v, routes[v]));
        return new RouteTimeline(all, all.Sum(r => r.Meters), all.Sum(r => r.MinutesLate), all.Sum(r => r.LateJobs));
    }
}

/// <param name="End">When the technician is back at the end location.</param>
public sealed record RouteTimes(IReadOnlyList<StopTimes> Stops, double Meters, DateTimeOffset End)
{
    public double MinutesLate => Stops.Sum(s => s.MinutesLate);

    public int LateJobs => Stops.Count(s => s.MinutesLate > 0);

    /// <summary>
    /// Drives one route as planned: leave at the shift's start, wait for a window that has not opened, work the
    /// service time. Lateness is measured against the promised window (<see cref="PlanningJob.Window"/>), so a plan that
    /// had to relax a passed window still shows it as late.
    /// </summary>
    public static RouteTimes Simulate(DayProblem day, int vehicle, IReadOnlyList<int> route)
    {
        var problem = day.Problem;
        var matrix = problem.Matrix;
        var v = problem.Vehicles[vehicle];
        var stops = new List<StopTimes>(route.Count);
        var clock = v.ShiftStart;
        var at = v.StartLocation;
        var meters = 0.0;
        foreach (var j in route)
        {
            var job = problem.Jobs[j];
            var arrival = clock + matrix.Time(at, job.Location);
            var start = Math.Max(arrival, job.Earliest);
            var late = day.Jobs[j].Window is { } w && !day.Jobs[j].InProgress ? Math.Max(0, (day.At(arrival) - w.End).TotalMinutes) : 0;
            meters += matrix.Distance(at, job.Location);
            stops.Add(new StopTimes(j, day.At(arrival), day.At(start), day.At(start + job.ServiceDuration), Math.Round(late, 1)));
            clock = start + job.ServiceDuration;
            at = job.Location;
        }
        if (route.Count > 0)
        {
            meters += matrix.Distance(at, v.EndLocation);
            clock += matrix.Time(at, v.EndLocation);
        }
        return new RouteTimes(stops, meters, day.At(clock));
    }
}

public sealed record StopTimes(int Job, DateTimeOffset Arrival, DateTimeOffset Start, DateTimeOffset Departure, double MinutesLate);
