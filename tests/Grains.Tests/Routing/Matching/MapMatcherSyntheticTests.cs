using OrleansPortal.Grains.Routing.Matching;
using Xunit.Abstractions;

namespace OrleansPortal.Grains.Tests.Routing.Matching;

/// <summary>
/// The matcher against traces whose true path is known: 120 drives on Porto's road graph, each with noise, outliers,
/// a hole, a U-turn and standing still at both ends (<see cref="SyntheticDrive"/>). Recall is the share of the true
/// path's length whose edges the match contains; precision the share of the matched length on true edges.
/// </summary>
public sealed class MapMatcherSyntheticTests(ITestOutputHelper output)
{
    private const int Traces = 120;

    [Fact]
    public void KnownPaths_AreRecovered()
    {
        var graph = PortoRoadNetwork.Graph;
        var matcher = new MapMatcher(graph);
        var drive = new SyntheticDrive(graph, seed: 20260302);
        double trueMeters = 0, recoveredMeters = 0, matchedMeters = 0, correctMeters = 0;
        int fixes = 0, dropped = 0, stretches = 0, uTurnsFound = 0;
        var worst = (Recall: 1.0, Trace: -1);

        for (var n = 0; n < Traces; n++)
        {
            var trace = drive.Next();
            var match = matcher.Match(trace.Fixes);
            MatchAssertions.AssertConnected(graph, match);

            var matched = MatchAssertions.AllEdges(match).Select(t => t.Edge).ToHashSet();
            var truth = trace.Truth.Select(p => p.Edge).ToHashSet();
            double traceTrue = 0, traceRecovered = 0;
            foreach (var (edge, from, to) in trace.Truth)
            {
                var meters = graph.EdgeLengthMeters(edge) * (to - from);
                traceTrue += meters;
                if (matched.Contains(edge)) traceRecovered += meters;
            }
            foreach (var t in MatchAssertions.AllEdges(match))
            {
                var meters = graph.EdgeLengthMeters(t.Edge) * (t.ToFraction - t.FromFraction);
                matchedMeters += meters;
                if (truth.Contains(t.Edge)) correctMeters += meters;
            }
            trueMeters += traceTrue;
            recoveredMeters += traceRecovered;
            if (traceRecovered / traceTrue < worst.Recall) worst = (traceRecovered / traceTrue, n);
            fixes += trace.Fixes.Count;
            dropped += match.FixesDropped;
            stretches += match.Stretches.Count;
            // The U-turn: the street driven back (past the street it turned in) is in the match both ways.
            double backMeters = 0, bothWaysMeters = 0;
            foreach (var piece in trace.Truth.SkipWhile(p => p.To == 1).Skip(2).TakeWhile(p => trace.Truth.Any(q => q.Edge == drive.EdgeBetween(graph.EdgeTo(p.Edge), graph.EdgeFrom(p.Edge)))))
            {
                var forward = drive.EdgeBetween(graph.EdgeTo(piece.Edge), graph.EdgeFrom(piece.Edge));
                backMeters += graph.EdgeLengthMeters(piece.Edge);
                if (matched.Contains(piece.Edge) && matched.Contains(forward)) bothWaysMeters += graph.EdgeLengthMeters(piece.Edge);
            }
            if (bothWaysMeters >= 0.5 * backMeters) uTurnsFound++;
        }

        var recall = recoveredMeters / trueMeters;
        var precision = correctMeters / matchedMeters;
        output.WriteLine($"{Traces} traces, {fixes} fixes ({dropped} dropped), {stretches} stretches, {trueMeters / 1000:F0} km true");
        output.WriteLine($"recall {recall:P2}, precision {precision:P2}, U-turns matched {uTurnsFound}/{Traces}, worst trace #{worst.Trace} recall {worst.Recall:P1}");
        Assert.True(recall >= 0.95, $"recall {recall:P2} is under 95 %");
        Assert.True(precision >= 0.90, $"precision {precision:P2} is under 90 %");
        Assert.True(uTurnsFound >= Traces * 0.8, $"only {uTurnsFound} of {Traces} U-turns were matched both ways");
        Assert.True(stretches <= Traces * 1.1, $"{stretches} stretches for {Traces} unbroken drives");
    }
}
