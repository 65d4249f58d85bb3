using System.Diagnostics;
using OrleansPortal.Benchmarks.Infrastructure;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;

namespace OrleansPortal.Benchmarks.Eta;

/// <summary>
/// How close travel-time estimates come to what real vehicles did (issue 13). Legs are cut from each trip of the
/// evaluated file as <see cref="EtaLegs"/> defines them (first fix to fix k, k = 20 ... 120, truth k x 15 s, leaving at
/// the trip's start, under 500 m skipped) and estimated three ways: the road network at free-flow speeds, a straight
/// line at an urban speed, and a model learned from the training file.
/// <para>
/// No evaluated trip is ever trained on. Every TRIP_ID of the evaluated file is removed from the training trips. When
/// the two files are the same (the default), that would leave nothing, so the trips are split by a hash of their
/// TRIP_ID instead: one in five is evaluated, the other four are trained on.
/// </para>
/// </summary>
internal static class EtaBenchmark
{
    private const double HeldOutShare = 0.2;

    public static int Run(string[] args)
    {
        var trainPath = DefaultTrainingFile();
        string? evaluatePath = null;
        var folds = 0;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--train" && i + 1 < args.Length) trainPath = args[++i];
            else if (args[i] == "--folds" && i + 1 < args.Length) folds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else evaluatePath ??= args[i];
        }
        evaluatePath ??= trainPath;

        var load = Stopwatch.StartNew();
        var graph = RoadGraph.FromOsm(OsmPbfReader.Read(Repository.PortoExtract));
        Console.WriteLine(FormattableString.Invariant($"road graph: {graph.NodeCount} nodes, {graph.EdgeCount} edges, {load.Elapsed.TotalSeconds:F1} s"));

        var trainingTrips = PortoTraceCsv.Read(trainPath).ToList();
        var evaluatedTrips = PortoTraceCsv.Read(evaluatePath).ToList();
        var evaluatedIds = evaluatedTrips.Select(t => t.Id).ToHashSet();
        var training = trainingTrips.Where(t => !evaluatedIds.Contains(t.Id)).ToList();
        string split;
        if (training.Count < trainingTrips.Count / 2)
        {
            // The same trips on both sides: hold one in five out by a hash of the trip id.
            training = [.. trainingTrips.Where(t => !IsHeldOut(t.Id))];
            evaluatedTrips = [.. evaluatedTrips.Where(t => IsHeldOut(t.Id))];
            split = FormattableString.Invariant($"split by trip: FNV-1a hash of TRIP_ID mod 10,000 < {HeldOutShare * 10_000:F0} evaluated, the rest trained on");
        }
        else
        {
            split = $"{trainingTrips.Count - training.Count} trips of the training file also in the evaluated file were left out of training";
        }
        Console.WriteLine($"training: {training.Count} trips from {trainPath}");
        Console.WriteLine($"evaluated: {evaluatedTrips.Count} trips from {evaluatePath}; {split}; no trip is in both");

        if (folds > 1) return CrossValidate(graph, trainingTrips, folds);
        var train = Stopwatch.StartNew();
        var model = TravelTimeTrainer.Train(graph, training);
        train.Stop();
        var s = model.Summary;
        Console.WriteLine(FormattableString.Invariant(
            $"trained in {train.Elapsed.TotalSeconds:F1} s: {s.Fixes} fixes, {s.FixesMatched} matched ({100.0 * s.FixesMatched / Math.Max(1, s.Fixes):F1} %), {s.Traversals} edge traversals on {s.EdgesObserved} edges, {s.LegsCalibrated} legs calibrated; model {model.Version}"));
        Console.WriteLine("slot factors (weekday hours 0-23): " + string.Join(" ", model.SlotFactors.Take(24).Select(f => f.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))));
        Console.WriteLine("calibration: " + string.Join(", ", model.Calibration.Select(b => FormattableString.Invariant($"<= {b.UpToMeters / 1000:F1} km x{b.Factor:F2}"))));

        var legs = EtaLegs.From(evaluatedTrips);
        var freeFlow = EtaAccuracy.Measure(new RoadNetworkTravelTimeService(graph), legs);
        var straight = new GreatCircleTravelTimeService();
        var straightLine = EtaAccuracy.Measure(straight, legs);
        var learnedService = new LearnedTravelTimeService(graph, model);
        var learned = EtaAccuracy.Measure(learnedService, legs);
        var random = new Random(20130701);
        var stops = Enumerable.Range(0, 200).Select(_ => graph.NodeLocation(random.Next(graph.NodeCount))).ToArray();
        var morning = new DateTimeOffset(2013, 7, 1, 8, 30, 0, TimeSpan.FromHours(1));
        learnedService.Matrix(stops, stops, morning);
        var matrixWatch = Stopwatch.StartNew();
        learnedService.Matrix(stops, stops, morning);
        Console.WriteLine(FormattableString.Invariant($"learned 200 x 200 matrix leaving at 08:30: {matrixWatch.Elapsed.TotalMilliseconds:F0} ms"));
        Console.WriteLine($"free-flow road network: {freeFlow}");
        Console.WriteLine(FormattableString.Invariant($"straight line (x{straight.DetourFactor} at {straight.SpeedMetersPerSecond * 3.6:F0} km/h): {straightLine}"));
        Console.WriteLine($"learned model: {learned}");
        Console.WriteLine(FormattableString.Invariant(
            $"eta {learned.MapePercent:F1} % MAPE, {learned.MedianPercent:F1} % median, {learned.BiasPercent:+0.0;-0.0} % bias, {learned.Legs} legs, {learned.WithinTwentyPercent:F1} % within ±20 %"));
        return 0;
    }

    /// <summary>
    /// k-fold cross-validation on the training file alone (--folds N): each fold is evaluated by a model trained on the
    /// others, so every trip is judged once by a model that never saw it; less noisy than one split, for tuning.
    /// </summary>
    private static int CrossValidate(RoadGraph graph, List<TracedTrip> trips, int folds)
    {
        var all = new List<EtaLeg>();
        var estimates = new List<(EtaLeg Leg, double Seconds)>();
        for (var f = 0; f < folds; f++)
        {
            var test = trips.Where(t => (int)(TravelTimeTrainer.StableHash(t.Id + "cv") % (ulong)folds) == f).ToList();
            var train = trips.Where(t => (int)(TravelTimeTrainer.StableHash(t.Id + "cv") % (ulong)folds) != f).ToList();
            var service = new LearnedTravelTimeService(graph, TravelTimeTrainer.Train(graph, train));
            var legs = EtaLegs.From(test);
            Console.WriteLine($"fold {f}: {EtaAccuracy.Measure(service, legs)}");
            foreach (var leg in legs) estimates.Add((leg, service.Estimate(leg.From, leg.To, leg.DepartAt).Seconds));
        }
        var mape = estimates.Average(e => Math.Abs(e.Seconds - e.Leg.TruthSeconds) / e.Leg.TruthSeconds) * 100;
        var bias = estimates.Average(e => (e.Seconds - e.Leg.TruthSeconds) / e.Leg.TruthSeconds) * 100;
        foreach (var group in estimates.GroupBy(e => (int)Math.Round(e.Leg.TruthSeconds / 300)).OrderBy(g => g.Key))
            Console.WriteLine(FormattableString.Invariant($"  {group.Key * 5} min: {group.Count()} legs, MAPE {group.Average(e => Math.Abs(e.Seconds - e.Leg.TruthSeconds) / e.Leg.TruthSeconds) * 100:F1}, bias {group.Average(e => (e.Seconds - e.Leg.TruthSeconds) / e.Leg.TruthSeconds) * 100:F1}, median ratio {group.Select(e => e.Seconds / e.Leg.TruthSeconds).Order().ElementAt(group.Count() / 2):F2}"));
        foreach (var group in estimates.GroupBy(e => Math.Min(8, (int)(e.Leg.From.DistanceMetersTo(e.Leg.To) / 1000))).OrderBy(g => g.Key))
            Console.WriteLine(FormattableString.Invariant($"  {group.Key} km: {group.Count()} legs, MAPE {group.Average(e => Math.Abs(e.Seconds - e.Leg.TruthSeconds) / e.Leg.TruthSeconds) * 100:F1}, bias {group.Average(e => (e.Seconds - e.Leg.TruthSeconds) / e.Leg.TruthSeconds) * 100:F1}"));
        Console.WriteLine(FormattableString.Invariant($"eta {mape:F1} % MAPE, {bias:+0.0;-0.0} % bias, {estimates.Count} legs, {folds}-fold cross-validation"));
        return 0;
    }

    private static bool IsHeldOut(string tripId) => TravelTimeTrainer.StableHash(tripId) % 10_000 < HeldOutShare * 10_000;

    private static string DefaultTrainingFile()
    {
        var root = Repository.Root();
        var copied = Path.Combine(root, "samples", "gps", "porto", "train_1500.csv");
        return File.Exists(copied) ? copied : Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "gps", "porto", "train_1500.csv"));
    }
}
