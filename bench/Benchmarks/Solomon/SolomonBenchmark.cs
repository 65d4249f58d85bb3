using System.Diagnostics;
using System.Globalization;
using OrleansPortal.Grains.Dispatch.Optimization;

namespace OrleansPortal.Benchmarks.Solomon;

/// <summary>
/// The dispatch optimizer on Solomon's 56 VRPTW instances, one after another (never in parallel, so the time per
/// instance is honest), each solution judged by the independent checker and compared with the hierarchical
/// best-knowns: vehicles first, distance gap only where the vehicle counts match.
/// </summary>
internal static class SolomonBenchmark
{
    private const string DataFolder = "samples/vrptw/solomon";

    public static int Run(string[] args)
    {
        // Workers are independent searches inside one solve (best of them wins); instances still run one at a time.
        var workers = Environment.ProcessorCount;
        var workersAt = Array.IndexOf(args, "--workers");
        if (workersAt >= 0)
        {
            workers = int.Parse(args[workersAt + 1], CultureInfo.InvariantCulture);
            args = [.. args[..workersAt], .. args[(workersAt + 2)..]];
        }
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 1.0;
        var bestKnown = SolomonBestKnown.ParseCsv(File.ReadAllText(Path.Combine(DataFolder, "bks.csv")));
        // An optional name prefix (c2, r1, rc201...) runs a subset while tuning; the figure is only comparable over all 56.
        var prefix = args.Length > 1 ? args[1] : "";
        var files = Directory.GetFiles(DataFolder, prefix + "*.txt").Order(StringComparer.Ordinal).ToArray();
        var options = new SolverOptions(TimeSpan.FromSeconds(seconds), Seed: 1, MinimizeVehicles: true, Workers: workers);

        Console.WriteLine($"{"instance",-8} {"veh",4} {"distance",10} {"bks veh",8} {"bks dist",10} {"gap %",7} {"feasible",8} {"ms",6} {"iterations",10}");
        var gaps = new List<double>();
        var vehicles = 0;
        var bestVehicles = 0;
        var feasible = 0;
        var totalMs = 0.0;
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var instance = SolomonInstance.Parse(name, File.ReadAllText(file));
            var problem = instance.ToProblem();
            var watch = Stopwatch.StartNew();
            var solution = VrptwSolver.Solve(problem, options);
            var ms = watch.Elapsed.TotalMilliseconds;
            totalMs += ms;

            var check = SolomonSolutionChecker.Check(instance, instance.CustomerRoutes(solution));
            var known = bestKnown[name];
            vehicles += check.Vehicles;
            bestVehicles += known.Vehicles;
            feasible += check.Feasible ? 1 : 0;
            var gap = "";
            if (check.Vehicles == known.Vehicles)
            {
                var g = 100 * (check.Distance - known.Distance) / known.Distance;
                gaps.Add(g);
                gap = g.ToString("F2", CultureInfo.InvariantCulture);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-8} {check.Vehicles,4} {check.Distance,10:F2} {known.Vehicles,8} {known.Distance,10:F2} {gap,7} {(check.Feasible ? "yes" : "NO"),8} {ms,6:F0} {solution.Iterations,10}"));
            foreach (var violation in check.Violations.Take(3))
            {
                Console.WriteLine($"    {violation}");
            }
        }

        var averageGap = gaps.Count == 0 ? double.NaN : gaps.Average();
        Console.WriteLine($"{gaps.Count} of {files.Length} instances at the best-known vehicle count; {seconds} s budget each, seed 1, {Environment.ProcessorCount} cores, {workers} solver worker(s)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"solomon {averageGap:F2} % gap, {vehicles} vehicles (best known {bestVehicles}), {feasible}/{files.Length} feasible, {totalMs / Math.Max(1, files.Length):F0} ms/instance"));
        return feasible == files.Length ? 0 : 1;
    }
}
