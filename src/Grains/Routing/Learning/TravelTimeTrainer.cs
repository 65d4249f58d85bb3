using System.Diagnostics;
using OrleansPortal.Grains.Routing.Matching;

namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>
/// Learns a <see cref="TravelTimeModel"/> from GPS traces, the way navigation engines use probe data:
/// <list type="number">
/// <item>each trace is map-matched into the edges driven, with the time spent on each;</item>
/// <item>edge times and time-of-week factors are fitted in turns; an edge's time is its own observations shrunk towards
/// the pace of its road class in its area, which is shrunk towards the class's citywide pace, itself shrunk towards the
/// city's (<see cref="EdgePaces"/>), so a street driven once borrows from streets like it;</item>
/// <item>leg times are calibrated on trips held out of the edge fit: edges alone miss that drivers do not take the
/// fastest route and lose time starting and stopping.</item>
/// </list>
/// Pure and deterministic for the same traces (trips are split by a hash of their id, not at random).
/// </summary>
public static class TravelTimeTrainer
{
    private static readonly double[] BandLimits = [1_000, 2_000, 3_500, 6_000, 10_000, double.PositiveInfinity];

    public static TravelTimeModel Train(RoadGraph graph, IReadOnlyList<TracedTrip> trips, TrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        options ??= new TrainingOptions();
        var watch = Stopwatch.StartNew();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);

        var observed = Match(graph, trips, options, zone, progress, cancellation);

        // Cross-fitting: each fold's legs are estimated by edges learned without that fold, so the calibration sees the
        // error on trips the edges never saw, and every trip's legs count.
        var fold = trips.Select(t => (int)(StableHash(t.Id) % (ulong)options.CalibrationFolds)).ToArray();
        var samples = new List<CalibrationSample>();
        for (var f = 0; f < options.CalibrationFolds; f++)
        {
            progress?.Report(new TrainingProgress("calibrating", (double)f / options.CalibrationFolds));
            var legs = EtaLegs.From(trips.Where((_, i) => fold[i] == f));
            if (legs.Count == 0) continue;
            var fitted = EdgePaces.Fit(graph, observed.Where((_, i) => fold[i] != f).SelectMany(o => o.Observations), options);
            var service = new LearnedTravelTimeService(graph, Assemble(graph, options, fitted, [], new TrainingSummary(0, 0, 0, 0, 0, 0, 0)));
            foreach (var leg in legs)
            {
                var estimate = service.Estimate(leg.From, leg.To, leg.DepartAt);
                if (!estimate.IsFallback) samples.Add(new CalibrationSample(estimate.Seconds, estimate.Meters, leg.TruthSeconds));
            }
            cancellation.ThrowIfCancellationRequested();
        }
        var bands = Calibrate(samples, options);

        progress?.Report(new TrainingProgress("learning", 0.9));
        var all = observed.SelectMany(o => o.Observations).ToList();
        var final = EdgePaces.Fit(graph, all, options);
        var summary = new TrainingSummary(
            trips.Count,
            trips.Sum(t => t.Fixes.Count),
            observed.Sum(o => o.FixesMatched),
            all.Count,
            all.Select(o => o.Edge).Distinct().Count(),
            samples.Count,
            watch.Elapsed.TotalSeconds);
        progress?.Report(new TrainingProgress("done", 1));
        return Assemble(graph, options, final, bands, summary);
    }

    public static ulong StableHash(string text)
    {
        ulong hash = 1469598103934665603;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211;
        return hash;
    }

    private sealed record MatchedTrip(List<EdgeObservation> Observations, int FixesMatched);

    private static MatchedTrip[] Match(RoadGraph graph, IReadOnlyList<TracedTrip> trips, TrainingOptions options, TimeZoneInfo zone,
        IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        var matcher = new MapMatcher(graph, options.Matching);
        var result = new MatchedTrip[trips.Count];
        var done = 0;
        progress?.Report(new TrainingProgress("matching", 0));
        Parallel.For(0, trips.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var trace = matcher.Match(trips[i].Fixes);
            var observations = new List<EdgeObservation>();
            foreach (var stretch in trace.Stretches)
            {
                foreach (var t in stretch.Edges)
                {
                    var fraction = t.ToFraction - t.FromFraction;
                    // A sliver of an edge at a stretch's end says little and much of it is GPS noise.
                    if (fraction < 0.25) continue;
                    var seconds = (t.Exit - t.Enter).TotalSeconds;
                    observations.Add(new EdgeObservation(t.Edge, (float)fraction, (float)seconds, (byte)TimeOfWeek.Slot(t.Enter, zone)));
                }
            }
            result[i] = new MatchedTrip(observations, trace.FixesUsed);
            var finished = Interlocked.Increment(ref done);
            if (finished % 50 == 0) progress?.Report(new TrainingProgress("matching", (double)finished / trips.Count));
        });
        return result;
    }

    private readonly record struct CalibrationSample(double Seconds, double Meters, double Truth);

    /// <summary>
    /// One factor per band of routed length. Two choices pull apart: the factor that makes the mean relative error zero
    /// (no ETA running short on average) and the one that makes the mean absolute relative error smallest (it runs a
    /// little short, because one late arrival costs more percent than one early). Between the two, the factor
    /// closest to the accurate one whose overall bias on the unseen legs stays within <see cref="MaxBiasPercent"/> is
    /// taken. A band with few legs leans on the overall figures.
    /// </summary>
    private static CalibrationBand[] Calibrate(List<CalibrationSample> samples, TrainingOptions options)
    {
        if (samples.Count == 0) return [];
        var bandOf = samples.Select(s => Array.FindIndex(BandLimits, limit => s.Meters <= limit)).ToArray();
        var ratios = samples.Select(s => s.Seconds / s.Truth).ToArray();
        var overallUnbiased = 1 / ratios.Average();
        var overallAccurate = MapeOptimal([.. ratios]);
        var unbiased = new double[BandLimits.Length];
        var accurate = new double[BandLimits.Length];
        for (var b = 0; b < BandLimits.Length; b++)
        {
            var inBand = ratios.Where((_, i) => bandOf[i] == b).ToList();
            var weight = options.BandPriorLegs;
            unbiased[b] = 1 / ((inBand.Sum() + weight / overallUnbiased) / (inBand.Count + weight));
            accurate[b] = inBand.Count == 0 ? overallAccurate : (inBand.Count * MapeOptimal(inBand) + weight * overallAccurate) / (inBand.Count + weight);
        }

        double[] Blend(double toward) => [.. unbiased.Select((u, b) => Math.Pow(u, 1 - toward) * Math.Pow(accurate[b], toward))];
        double BiasPercent(double[] factors) => 100 * ratios.Select((r, i) => factors[bandOf[i]] * r - 1).Average();
        var chosen = Blend(0);
        for (var step = 1; step <= 20; step++)
        {
            var candidate = Blend(step / 20.0);
            if (Math.Abs(BiasPercent(candidate)) > MaxBiasPercent) break;
            chosen = candidate;
        }
        return [.. BandLimits.Select((limit, b) => new CalibrationBand(limit, chosen[b]))];
    }

    /// <summary>How far from zero the mean relative error on unseen legs may go in exchange for a smaller absolute error.</summary>
    private const double MaxBiasPercent = 2.5;

    /// <summary>The factor c minimising the mean of |c r - 1|: the median of 1/r weighted by r.</summary>
    private static double MapeOptimal(List<double> ratios)
    {
        var sorted = ratios.Select(r => (Inverse: 1 / r, Weight: r)).OrderBy(p => p.Inverse).ToList();
        var half = sorted.Sum(p => p.Weight) / 2;
        var running = 0.0;
        foreach (var (inverse, weight) in sorted)
        {
            running += weight;
            if (running >= half) return inverse;
        }
        return 1;
    }

    private static TravelTimeModel Assemble(RoadGraph graph, TrainingOptions options, EdgePaces.Fitted fitted, CalibrationBand[] bands, TrainingSummary summary)
    {
        var trainedAt = DateTimeOffset.UtcNow;
        var checksum = 1469598103934665603UL;
        foreach (var s in fitted.EdgeSeconds) checksum = (checksum ^ (ulong)BitConverter.SingleToInt32Bits(s)) * 1099511628211;
        return new TravelTimeModel
        {
            Version = FormattableString.Invariant($"{trainedAt:yyyyMMdd'T'HHmmss'Z'}-{checksum % 0xFFFFFF:x6}"),
            TrainedAt = trainedAt,
            TimeZoneId = options.TimeZoneId,
            GraphKey = TravelTimeModel.KeyOf(graph),
            EdgeSeconds = fitted.EdgeSeconds,
            SlotFactors = fitted.SlotFactors,
            Calibration = bands,
            Summary = summary,
        };
    }
}

/// <summary>Time spent on (a fraction of) one edge by one vehicle, in a time-of-week slot.</summary>
internal readonly record struct EdgeObservation(int Edge, float Fraction, float Seconds, byte Slot);
