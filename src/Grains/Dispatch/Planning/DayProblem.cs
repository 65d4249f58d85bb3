using OrleansPortal.Grains.Dispatch.Optimization;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch.Planning;

/// <summary>
/// One day's planning inputs as the optimizer's problem: times in seconds from <see cref="Epoch"/>, distances in
/// metres, vehicle i is technician i, job j is ticket j. Translates plans both ways (ticket ids per technician ⇄
/// job indices per vehicle).
/// </summary>
public sealed class DayProblem
{
    /// <summary>What leaving a job out costs, in metres of driving: any job beats any detour, an emergency beats any routine job.</summary>
    public static double PenaltyFor(TicketPriority priority) => priority switch
    {
        TicketPriority.Emergency => 1e10,
        TicketPriority.High => 1e9,
        _ => 1e8,
    };

    private readonly Dictionary<string, int> _jobIndex;
    private readonly Dictionary<string, int> _vehicleIndex;

    private DayProblem(DateTimeOffset epoch, IReadOnlyList<PlanningTechnician> technicians, IReadOnlyList<PlanningJob> jobs, RoutingProblem problem)
    {
        Epoch = epoch;
        Technicians = technicians;
        Jobs = jobs;
        Problem = problem;
        _jobIndex = jobs.Select((j, i) => (j.TicketId, i)).ToDictionary(x => x.TicketId, x => x.i);
        _vehicleIndex = technicians.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
    }

    public DateTimeOffset Epoch { get; }

    public IReadOnlyList<PlanningTechnician> Technicians { get; }

    public IReadOnlyList<PlanningJob> Jobs { get; }

    public RoutingProblem Problem { get; }

    public double Seconds(DateTimeOffset at) => (at - Epoch).TotalSeconds;

    public DateTimeOffset At(double seconds) => Epoch + TimeSpan.FromSeconds(seconds);

    public int? JobIndex(string ticketId) => _jobIndex.TryGetValue(ticketId, out var j) ? j : null;

    public int? VehicleIndex(string technicianId) => _vehicleIndex.TryGetValue(technicianId, out var v) ? v : null;

    /// <summary>
    /// Builds the problem. Locations: vehicle v starts at 2v and ends at 2v+1, job j is at 2V+j. The buffer between
    /// jobs is per technician but the solver's service time is per job, so jobs carry the largest buffer of the day.
    /// Balance and preference weights come from <paramref name="options"/> (its defaults when null), converted to the
    /// matrix's metres and seconds; a preferred technician who does not work that day is no preference.
    /// </summary>
    public static DayProblem Build(
        DateTimeOffset epoch, IReadOnlyList<PlanningTechnician> technicians, IReadOnlyList<PlanningJob> jobs, ITravelTimeService travel,
        DispatchOptions? options = null)
    {
        options ??= new DispatchOptions();
        var balanceWeight = Math.Max(0, options.BalanceKilometersPerHourSquared) * MetresPerKilometre / (SecondsPerHour * SecondsPerHour);
        var preferenceCost = Math.Max(0, options.PreferredTechnicianKilometers) * MetresPerKilometre;
        var points = new List<GeoPoint>(2 * technicians.Count + jobs.Count);
        foreach (var t in technicians)
        {
            points.Add(t.Start);
            points.Add(t.End);
        }
        points.AddRange(jobs.Select(j => j.Location));
        var matrix = new MatrixView(travel.Matrix(points, points, TypicalDeparture(epoch, technicians)));

        var buffer = technicians.Count == 0 ? 0 : technicians.Max(t => t.Buffer.TotalSeconds);
        var vehicleIndex = technicians.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var routingJobs = jobs.Select((j, i) => new Job(
            Location: 2 * technicians.Count + i,
            ServiceDuration: j.Service.TotalSeconds + buffer,
            Earliest: (j.Earliest - epoch).TotalSeconds,
            Latest: (j.Latest - epoch).TotalSeconds,
            Demand: 0,
            RequiredSkills: j.Skills,
            UnassignedPenalty: PenaltyFor(j.Priority),
            PinnedVehicle: j.PinnedTechnician is { } pin && vehicleIndex.TryGetValue(pin, out var v) ? v : null,
            InProgress: j.InProgress,
            PreferredVehicle: j.PreferredTechnician is { } preferred && vehicleIndex.TryGetValue(preferred, out var p) ? p : null,
            PreferenceCost: preferenceCost)).ToList();
        var vehicles = technicians.Select((t, i) => new Vehicle(
            StartLocation: 2 * i,
            EndLocation: 2 * i + 1,
            ShiftStart: (t.ShiftStart - epoch).TotalSeconds,
            ShiftEnd: (t.ShiftEnd - epoch).TotalSeconds,
            Capacity: double.MaxValue / 4, // hours are bounded by the shift; there is no separate load
            Skills: t.Qualifications)).ToList();
        return new DayProblem(epoch, technicians, jobs, new RoutingProblem(routingJobs, vehicles, matrix, balanceWeight));
    }

    /// <summary>
    /// The solver's matrix is one table for the whole day, so its drives are timed at one moment: the middle of the
    /// day's shifts, when most of the driving happens. The ETAs a customer sees are timed leg by leg instead.
    /// </summary>
    internal static DateTimeOffset TypicalDeparture(DateTimeOffset epoch, IReadOnlyList<PlanningTechnician> technicians)
    {
        if (technicians.Count == 0) return epoch;
        var start = technicians.Min(t => t.ShiftStart);
        var end = technicians.Max(t => t.ShiftEnd);
        return end > start ? start + (end - start) / 2 : start;
    }

    private const double MetresPerKilometre = 1000;
    private const double SecondsPerHour = 3600;

    /// <summary>The solver's view of a plan given as ticket ids per technician; unknown ids are skipped, jobs on no route are unassigned.</summary>
    public RoutingSolution ToSolution(IReadOnlyDictionary<string, List<string>> routes)
    {
        var lists = Technicians.Select(_ => new List<int>()).ToArray();
        var placed = new bool[Jobs.Count];
        foreach (var (technicianId, tickets) in routes)
        {
            if (VehicleIndex(technicianId) is not { } v) continue;
            foreach (var ticket in tickets)
            {
                if (JobIndex(ticket) is { } j && !placed[j])
                {
                    lists[v].Add(j);
                    placed[j] = true;
                }
            }
        }

        var unassigned = Enumerable.Range(0, Jobs.Count).Where(j => !placed[j]).ToList();
        var timeline = RouteTimeline.Simulate(this, lists);
        return new RoutingSolution(lists, unassigned, timeline.Meters, lists.Count(l => l.Count > 0), unassigned.Sum(j => Problem.Jobs[j].UnassignedPenalty), 0);
    }

    /// <summary>Ticket ids per technician, for every technician of the day (empty routes included).</summary>
    public Dictionary<string, List<string>> ToRoutes(RoutingSolution solution) =>
        Technicians.Select((t, v) => (t.Id, Tickets: solution.Routes[v].Select(j => Jobs[j].TicketId).ToList())).ToDictionary(x => x.Id, x => x.Tickets);

    private sealed class MatrixView(TravelMatrix matrix) : ITravelMatrix
    {
        public int Size => matrix.Origins;

        public double Distance(int from, int to) => matrix.Meters(from, to);

        public double Time(int from, int to) => matrix.Seconds(from, to);
    }
}
