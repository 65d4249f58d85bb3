using System.Diagnostics;
using System.Globalization;
using OrleansPortal.Grains.Dispatch.Optimization;

namespace OrleansPortal.Benchmarks.Insert;

/// <summary>
/// Incremental insertion of one emergency into a live plan: 50 technicians with 8 jobs each on a synthetic 30 x 30 km
/// city (Euclidean km, 30 km/h, minutes of the day), then many random emergencies, each inserted into the same plan
/// and timed alone. No database, no solver run: the plan is built by construction so only the insertion is measured.
/// </summary>
internal static class InsertBenchmark
{
    private const int Technicians = 50;
    private const int JobsPerTechnician = 8;
    private const int EmergencyLocations = 256;
    private const double KmPerMinute = 30.0 / 60.0;

    public static int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var random = new Random(42);
        var (problem, plan, jobs) = LivePlan(random);
        var emergencyBase = Technicians + Technicians * JobsPerTechnician;
        var gas = new HashSet<string> { "gas" };

        var inserted = 0;
        var displacing = 0;
        var unassigned = 0;
        var times = new double[runs];
        const int warmup = 200;
        for (var i = -warmup; i < runs; i++)
        {
            var start = 480 + random.NextDouble() * 420;
            jobs[^1] = new Job(
                emergencyBase + random.Next(EmergencyLocations), ServiceDuration: 60, start, start + 120 + random.NextDouble() * 120,
                Demand: 60, RequiredSkills: random.NextDouble() < 0.3 ? gas : null, UnassignedPenalty: 10_000_000);
            var withEmergency = problem with { Jobs = jobs };
            var before = Stopwatch.GetTimestamp();
            var result = JobInsertion.InsertCheapest(withEmergency, plan, jobs.Count - 1);
            var elapsed = Stopwatch.GetElapsedTime(before).TotalMilliseconds;
            if (i < 0)
            {
                continue;
            }
            times[i] = elapsed;
            if (!result.Inserted)
            {
                unassigned++;
            }
            else if (result.Displaced.Count > 0)
            {
                displacing++;
            }
            else
            {
                inserted++;
            }
        }

        Array.Sort(times);
        Console.WriteLine($"live plan: {Technicians} technicians, {Technicians * JobsPerTechnician} jobs, {plan.Distance:F0} km");
        Console.WriteLine($"{runs} emergencies after {warmup} warm-up: {inserted} fitted, {displacing} displaced routine work, {unassigned} unassigned");
        Console.WriteLine(FormattableString.Invariant($"min {times[0]:F3} ms, mean {times.Average():F3} ms, max {times[^1]:F3} ms"));
        Console.WriteLine(FormattableString.Invariant($"insert p50 {Percentile(times, 0.50):F3} ms p99 {Percentile(times, 0.99):F3} ms"));
        return 0;
    }

    /// <summary>
    /// Each technician leaves home at 8:00 (minute 480), back by 17:00, with 8 routine jobs within 5 km of home in
    /// generation order; the gas half are fully booked, a third of the jobs have a two-hour window, every tenth technician is mid-job.
    /// </summary>
    private static (RoutingProblem Problem, RoutingSolution Plan, List<Job> Jobs) LivePlan(Random random)
    {
        var points = new List<(double X, double Y)>();
        for (var t = 0; t < Technicians; t++)
        {
            points.Add((random.NextDouble() * 30, random.NextDouble() * 30));
        }
        var jobPoints = Technicians * JobsPerTechnician;
        for (var t = 0; t < Technicians; t++)
        {
            for (var j = 0; j < JobsPerTechnician; j++)
            {
                var home = points[t];
                points.Add((Math.Clamp(home.X + (random.NextDouble() - 0.5) * 10, 0, 30), Math.Clamp(home.Y + (random.NextDouble() - 0.5) * 10, 0, 30)));
            }
        }
        for (var e = 0; e < EmergencyLocations; e++)
        {
            points.Add((random.NextDouble() * 30, random.NextDouble() * 30));
        }
        var n = points.Count;
        var distance = new double[n, n];
        var time = new double[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                var dx = points[a].X - points[b].X;
                var dy = points[a].Y - points[b].Y;
                distance[a, b] = Math.Sqrt(dx * dx + dy * dy);
                time[a, b] = distance[a, b] / KmPerMinute;
            }
        }
        var matrix = new ArrayTravelMatrix(distance, time);

        var gas = new HashSet<string> { "gas" };
        var vehicles = new Vehicle[Technicians];
        var jobs = new List<Job>(jobPoints + 1);
        var routes = new List<int>[Technicians];
        var total = 0.0;
        for (var t = 0; t < Technicians; t++)
        {
            routes[t] = [];
            var clock = 480.0;
            var here = t;
            var km = 0.0;
            for (var j = 0; j < JobsPerTechnician; j++)
            {
                var loc = Technicians + t * JobsPerTechnician + j;
                var service = 30 + random.Next(4) * 5;
                var arrival = clock + time[here, loc];
                var windowed = random.Next(3) == 0;
                var earliest = windowed ? Math.Floor(arrival / 60) * 60 : 480;
                var latest = windowed ? earliest + 120 : 960;
                var inProgress = j == 0 && t % 10 == 0;
                jobs.Add(new Job(loc, service, earliest, latest, Demand: service, UnassignedPenalty: 1_000_000,
                    PinnedVehicle: inProgress ? t : null, InProgress: inProgress));
                routes[t].Add(jobs.Count - 1);
                clock = Math.Max(arrival, earliest) + service;
                km += distance[here, loc];
                here = loc;
            }
            km += distance[here, t];
            if (clock + time[here, t] > 1020)
            {
                throw new InvalidOperationException($"technician {t}'s synthetic day overruns; change the generator");
            }
            total += km;
            // Gas technicians are booked to their capacity (minutes of work), so a gas emergency must displace routine work.
            var booked = routes[t].Sum(j => jobs[j].Demand);
            vehicles[t] = new Vehicle(t, t, 480, 1020, Capacity: t % 2 == 0 ? booked : 480, Skills: t % 2 == 0 ? gas : null);
        }
        jobs.Add(jobs[0]); // The emergency's slot, replaced before every insertion.
        var plan = new RoutingSolution(routes.Select(r => (IReadOnlyList<int>)r.ToArray()).ToArray(), [], total, Technicians, 0, 0);
        var problem = new RoutingProblem(jobs, vehicles, matrix);
        return (problem, plan, jobs);
    }

    private static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
