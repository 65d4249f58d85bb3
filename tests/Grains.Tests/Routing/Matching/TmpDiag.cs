using Xunit.Abstractions;
using OrleansPortal.Grains.Routing.Matching;
namespace OrleansPortal.Grains.Tests.Routing.Matching;
public sealed class TmpDiag(ITestOutputHelper output)
{
    [Fact]
    public void Diag()
    {
        var graph = PortoRoadNetwork.Graph;
        var matcher = new MapMatcher(graph);
        var drive = new SyntheticDrive(graph, seed: 20260302);
        for (var n = 0; n < 120; n++)
        {
            var trace = drive.Next();
            var log = new List<string>();
            matcher.Log = log.Add;
            var match = matcher.Match(trace.Fixes);
            matcher.Log = null;
            var matched = MatchAssertions.AllEdges(match).Select(t => t.Edge).ToHashSet();
            double tt = 0, rr = 0;
            foreach (var (edge, from, to) in trace.Truth) { var m = graph.EdgeLengthMeters(edge) * (to - from); tt += m; if (matched.Contains(edge)) rr += m; }
            if (match.Stretches.Count > 1 || rr / tt < 0.9)
            {
                output.WriteLine($"#{n} fixes {trace.Fixes.Count} recall {rr / tt:P1} dropped {match.FixesDropped} stretches {string.Join(" ", match.Stretches.Select(s => $"[{s.FirstFix}-{s.LastFix}]"))}");
                var t0 = trace.Fixes[0].At;
                foreach (var l in log) output.WriteLine("  log " + l);
                output.WriteLine("  truth " + string.Join(" ", trace.Truth.Select(p => $"e{p.Edge}({graph.EdgeFrom(p.Edge)}->{graph.EdgeTo(p.Edge)} {p.From:F1}-{p.To:F1} {graph.EdgeLengthMeters(p.Edge):F0})")));
                foreach (var st in match.Stretches) output.WriteLine($"  stretch {st.FirstFix}-{st.LastFix} {st.Edges[0].Enter - t0} .. {st.Edges[^1].Exit - t0}");
                output.WriteLine("  times " + string.Join(" ", trace.Fixes.Select(f => (f.At - t0).TotalSeconds)));
                // missed stretches of truth
                var missing = trace.Truth.Where(p => !matched.Contains(p.Edge)).Select(p => $"{p.Edge}:{graph.EdgeRoadClass(p.Edge)}:{graph.EdgeLengthMeters(p.Edge):F0}");
                output.WriteLine("  missing " + string.Join(" ", missing.Take(30)));
            }
        }
    }
}
