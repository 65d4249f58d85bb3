using OrleansPortal.Grains.Routing.Learning;
using OrleansPortal.Grains.Routing.Matching;
using Xunit.Abstractions;

namespace OrleansPortal.Grains.Tests.Routing.Matching;

/// <summary>
/// Real taxi trips (samples/gps/porto/train_1500.csv, the first 60 rows) on Porto's road graph: no known path, so
/// the checks are what any sane match must satisfy. Most fixes are used, stretches are connected and rarely broken,
/// and the speeds the edge times imply are ones a taxi can drive.
/// </summary>
public sealed class MapMatcherPortoTripsTests(ITestOutputHelper output)
{
    private const int Trips = 60;

    private static string TripsCsv => PortoRoadNetwork.TripsCsv;

    [Fact]
    public void RealTrips_AreMatchedWhole_AtSpeedsATaxiCanDrive()
    {
        var graph = PortoRoadNetwork.Graph;
        var matcher = new MapMatcher(graph);
        var trips = PortoTraceCsv.Read(TripsCsv).Take(Trips).Where(t => t.Fixes.Count >= 5).ToList();
        int fixes = 0, used = 0, stretches = 0, traversals = 0, tooFast = 0, absurd = 0;
        var fastest = 0.0;

        foreach (var trip in trips)
        {
            var trace = matcher.Match(trip.Fixes);
            MatchAssertions.AssertConnected(graph, trace);
            Assert.Equal(trip.Fixes.Count, trace.FixesUsed + trace.FixesDropped);
            fixes += trip.Fixes.Count;
            used += trace.FixesUsed;
            stretches += trace.Stretches.Count;
            foreach (var stretch in trace.Stretches)
            {
                Assert.InRange(stretch.Edges[0].Enter, trip.Fixes[stretch.FirstFix].At, trip.Fixes[stretch.LastFix].At);
                Assert.InRange(stretch.Edges[^1].Exit, trip.Fixes[stretch.FirstFix].At, trip.Fixes[stretch.LastFix].At);
                // A whole stretch's average speed: the matched road over the time it took.
                var meters = stretch.Edges.Sum(t => graph.EdgeLengthMeters(t.Edge) * (t.ToFraction - t.FromFraction));
                var seconds = (stretch.Edges[^1].Exit - stretch.Edges[0].Enter).TotalSeconds;
                if (seconds > 0) fastest = Math.Max(fastest, meters / seconds * 3.6);
                foreach (var t in stretch.Edges)
                {
                    traversals++;
                    var edgeSeconds = (t.Exit - t.Enter).TotalSeconds;
                    var edgeMeters = graph.EdgeLengthMeters(t.Edge) * (t.ToFraction - t.FromFraction);
                    if (edgeMeters > 0 && edgeMeters / edgeSeconds * 3.6 > 150) tooFast++;
                    if (edgeMeters > 0 && edgeMeters / edgeSeconds * 3.6 > 200) absurd++;
                }
            }
        }

        output.WriteLine($"{trips.Count} trips, {fixes} fixes, {used} used ({100.0 * used / fixes:F1} %), {stretches} stretches, {traversals} edge traversals, {tooFast} over 150 km/h, {absurd} over 200 km/h, fastest stretch {fastest:F0} km/h");
        Assert.True(used >= 0.95 * fixes, $"only {used} of {fixes} fixes were matched");
        Assert.True(stretches <= 1.2 * trips.Count, $"{stretches} stretches for {trips.Count} trips");
        Assert.True(fastest <= 130, $"a stretch averaged {fastest:F0} km/h");
        // A receiver that lags and then catches up is matched as a burst of speed along the road it was on; over
        // 150 km/h on a city street is that, and should stay rare. Over 200 km/h would be a broken match.
        Assert.True(tooFast <= 0.01 * traversals, $"{tooFast} of {traversals} edges driven at over 150 km/h");
        Assert.True(absurd <= 0.001 * traversals, $"{absurd} of {traversals} edges driven at over 200 km/h");
    }

    [Fact]
    public void MatchingOnManyThreadsAtOnce_GivesWhatOneThreadGives()
    {
        var graph = PortoRoadNetwork.Graph;
        var trips = PortoTraceCsv.Read(TripsCsv).Take(40).Select(t => t.Fixes).ToList();
        var alone = trips.Select(new MapMatcher(graph).Match).ToList();

        var shared = new MapMatcher(graph);
        var together = new MatchedTrace[trips.Count];
        Parallel.For(0, trips.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k => together[k] = shared.Match(trips[k]));

        for (var k = 0; k < trips.Count; k++)
        {
            Assert.Equal(alone[k].Stretches.SelectMany(s => s.Edges), together[k].Stretches.SelectMany(s => s.Edges));
            Assert.Equal(alone[k].FixesUsed, together[k].FixesUsed);
        }
    }
}
