using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Matching;

namespace OrleansPortal.Grains.Tests.Routing.Matching;

internal static class MatchAssertions
{
    /// <summary>Every stretch drives connected edges, forward in time, with fractions inside the edge.</summary>
    public static void AssertConnected(RoadGraph graph, MatchedTrace trace)
    {
        foreach (var stretch in trace.Stretches)
        {
            Assert.NotEmpty(stretch.Edges);
            Assert.True(stretch.FirstFix <= stretch.LastFix);
            for (var k = 0; k < stretch.Edges.Count; k++)
            {
                var t = stretch.Edges[k];
                Assert.InRange(t.FromFraction, 0, 1);
                Assert.InRange(t.ToFraction, t.FromFraction, 1);
                Assert.True(t.Exit >= t.Enter, $"edge {t.Edge} exits at {t.Exit} before it enters at {t.Enter}");
                if (k == 0) continue;
                var before = stretch.Edges[k - 1];
                Assert.Equal(graph.EdgeTo(before.Edge), graph.EdgeFrom(t.Edge));
                Assert.Equal(1, before.ToFraction, 9);
                Assert.Equal(0, t.FromFraction, 9);
                Assert.Equal(before.Exit, t.Enter);
            }
        }
    }

    public static IEnumerable<EdgeTraversal> AllEdges(MatchedTrace trace) => trace.Stretches.SelectMany(s => s.Edges);
}
