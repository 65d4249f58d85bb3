namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>
/// Fits a time per edge and a factor per time-of-week slot to edge observations, in turns: with the slot factors
/// fixed, each observation is brought to a typical hour (its seconds over its slot's factor) and paces (seconds per
/// metre) are pooled city -> class -> class in an area -> edge, each level shrunk towards the one above by a prior of
/// fixed weight; with the edge times fixed, a slot's factor is its observed seconds over the seconds the edges predict,
/// shrunk towards 1 and helped by its neighbouring hours. Factors are scaled so their data-weighted mean is 1: edge
/// times then mean a typical hour of the data.
/// </summary>
internal static class EdgePaces
{
    /// <summary>An observation's seconds are capped at this many times the edge's free-flow time, plus a red light.</summary>
    private const double SlowestRatio = 8;
    private const double RedLightSeconds = 60;
    private const double NeighbourWeight = 0.3;

    public sealed record Fitted(float[] EdgeSeconds, float[] SlotFactors);

    public static Fitted Fit(RoadGraph graph, IEnumerable<EdgeObservation> source, TrainingOptions options)
    {
        var observations = Clean(graph, source);
        var edges = graph.EdgeCount;
        var area = AreaKeys(graph, options.AreaCellMeters);
        var freeFlowPace = FreeFlowPaceByClass(graph);

        var slots = new double[TimeOfWeek.Slots];
        Array.Fill(slots, 1);
        var edgeSeconds = new float[edges];
        var sumSeconds = new double[edges];
        var sumFraction = new double[edges];
        for (var round = 0; round < Math.Max(1, options.Rounds); round++)
        {
            // Paces at a typical hour, pooled by level.
            Array.Clear(sumSeconds);
            Array.Clear(sumFraction);
            var classSeconds = new double[RoadClasses.Count];
            var classMeters = new double[RoadClasses.Count];
            var areaTotals = new Dictionary<long, (double Seconds, double Meters)>();
            double citySeconds = 0, cityMeters = 0, cityFreeFlowSeconds = 0;
            foreach (var o in observations)
            {
                var seconds = o.Seconds / slots[o.Slot];
                var meters = o.Fraction * graph.EdgeLengthMeters(o.Edge);
                var roadClass = (int)graph.EdgeRoadClass(o.Edge);
                sumSeconds[o.Edge] += seconds;
                sumFraction[o.Edge] += o.Fraction;
                classSeconds[roadClass] += seconds;
                classMeters[roadClass] += meters;
                var key = area[o.Edge];
                var sum = areaTotals.GetValueOrDefault(key);
                areaTotals[key] = (sum.Seconds + seconds, sum.Meters + meters);
                citySeconds += seconds;
                cityMeters += meters;
                cityFreeFlowSeconds += o.Fraction * graph.EdgeFreeFlowSeconds(o.Edge);
            }
            if (cityMeters <= 0)
            {
                // Nothing matched: the free-flow times are all there is.
                for (var e = 0; e < edges; e++) edgeSeconds[e] = (float)graph.EdgeFreeFlowSeconds(e);
                return new Fitted(edgeSeconds, [.. slots.Select(s => (float)s)]);
            }
            var cityPace = citySeconds / cityMeters;
            var cityFreeFlowPace = cityFreeFlowSeconds / cityMeters;
            var classPace = new double[RoadClasses.Count];
            for (var c = 0; c < RoadClasses.Count; c++)
            {
                // A class nobody drove keeps its free-flow pace relative to the city's, scaled to how the city really drives.
                var prior = cityPace * freeFlowPace[c] / cityFreeFlowPace;
                classPace[c] = (classSeconds[c] + options.ClassPriorMeters * prior) / (classMeters[c] + options.ClassPriorMeters);
            }
            for (var e = 0; e < edges; e++)
            {
                var c = (int)graph.EdgeRoadClass(e);
                var areaPace = classPace[c];
                if (areaTotals.TryGetValue(area[e], out var local))
                {
                    areaPace = (local.Seconds + options.AreaPriorMeters * classPace[c]) / (local.Meters + options.AreaPriorMeters);
                }
                var prior = graph.EdgeLengthMeters(e) * areaPace;
                edgeSeconds[e] = (float)((sumSeconds[e] + options.EdgePriorTraversals * prior) / (sumFraction[e] + options.EdgePriorTraversals));
            }

            // Slot factors against those edge times.
            var observedSeconds = new double[TimeOfWeek.Slots];
            var predictedSeconds = new double[TimeOfWeek.Slots];
            foreach (var o in observations)
            {
                observedSeconds[o.Slot] += o.Seconds;
                predictedSeconds[o.Slot] += o.Fraction * edgeSeconds[o.Edge];
            }
            double weighted = 0, weight = 0;
            for (var s = 0; s < TimeOfWeek.Slots; s++)
            {
                double observed = observedSeconds[s], predicted = predictedSeconds[s];
                foreach (var n in TimeOfWeek.Neighbours(s))
                {
                    observed += NeighbourWeight * observedSeconds[n];
                    predicted += NeighbourWeight * predictedSeconds[n];
                }
                slots[s] = (observed + options.SlotPriorSeconds) / (predicted + options.SlotPriorSeconds);
                weighted += predictedSeconds[s] * slots[s];
                weight += predictedSeconds[s];
            }
            var mean = weighted / weight;
            for (var s = 0; s < TimeOfWeek.Slots; s++) slots[s] /= mean;
        }
        return new Fitted(edgeSeconds, [.. slots.Select(s => (float)s)]);
    }

    private static List<EdgeObservation> Clean(RoadGraph graph, IEnumerable<EdgeObservation> source)
    {
        var kept = new List<EdgeObservation>();
        foreach (var o in source)
        {
            var freeFlow = o.Fraction * graph.EdgeFreeFlowSeconds(o.Edge);
            if (o.Seconds <= 0 || freeFlow <= 0) continue;
            // Faster than 1.5 x the free-flow speed plus GPS slack is a matching artefact, not driving.
            var meters = o.Fraction * graph.EdgeLengthMeters(o.Edge);
            if (meters / o.Seconds > 1.5 * graph.EdgeLengthMeters(o.Edge) / graph.EdgeFreeFlowSeconds(o.Edge) + 5) continue;
            // A taxi parked for ten minutes is not the street's pace; a red light is.
            var capped = Math.Min(o.Seconds, SlowestRatio * freeFlow + RedLightSeconds);
            kept.Add(o with { Seconds = (float)capped });
        }
        return kept;
    }

    private static long[] AreaKeys(RoadGraph graph, double cellMeters)
    {
        var keys = new long[graph.EdgeCount];
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var (a, b) = (graph.NodeLocation(graph.EdgeFrom(e)), graph.NodeLocation(graph.EdgeTo(e)));
            var row = (long)Math.Floor((a.Latitude + b.Latitude) / 2 * 111_195 / cellMeters);
            var column = (long)Math.Floor((a.Longitude + b.Longitude) / 2 * 111_195 * Math.Cos(a.Latitude * Math.PI / 180) / cellMeters);
            keys[e] = ((row * 1_000_003 + column) * RoadClasses.Count) + (int)graph.EdgeRoadClass(e);
        }
        return keys;
    }

    private static double[] FreeFlowPaceByClass(RoadGraph graph)
    {
        var seconds = new double[RoadClasses.Count];
        var meters = new double[RoadClasses.Count];
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var c = (int)graph.EdgeRoadClass(e);
            seconds[c] += graph.EdgeFreeFlowSeconds(e);
            meters[c] += graph.EdgeLengthMeters(e);
        }
        return [.. seconds.Select((s, c) => meters[c] > 0 ? s / meters[c] : 3.6 / RoadSpeeds.DefaultKilometersPerHour)];
    }
}
