namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>A drive whose real duration is known: from one fix of a trip to a later one, leaving when the first was taken.</summary>
public readonly record struct EtaLeg(string TripId, GeoPoint From, GeoPoint To, DateTimeOffset DepartAt, double TruthSeconds);

/// <summary>
/// The legs travel-time estimates are judged on (issue 13): for each trip, from its first fix to fix k for
/// k = 20, 40, ... 120 (5 to 30 minutes later with 15 s sampling), the truth being the time between the two fixes;
/// legs whose ends are under 500 m apart as the crow flies are skipped, because a taxi that barely moved in five
/// minutes was waiting, not driving, and no route time predicts that.
/// </summary>
public static class EtaLegs
{
    public static readonly int[] FixSteps = [20, 40, 60, 80, 100, 120];

    public const double MinimumMeters = 500;

    public static List<EtaLeg> From(IEnumerable<TracedTrip> trips)
    {
        var legs = new List<EtaLeg>();
        foreach (var trip in trips)
        {
            if (trip.Fixes.Count == 0) continue;
            var first = trip.Fixes[0];
            foreach (var k in FixSteps)
            {
                if (k >= trip.Fixes.Count) break;
                var end = trip.Fixes[k];
                if (first.Point.DistanceMetersTo(end.Point) < MinimumMeters) continue;
                legs.Add(new EtaLeg(trip.Id, first.Point, end.Point, first.At, (end.At - first.At).TotalSeconds));
            }
        }
        return legs;
    }

    /// <summary>
    /// The same legs for traces sampled at any rate (a technician's phone pings every few seconds, or every minute):
    /// from the first fix to the first fix at least 5, 10, ... 30 minutes later, if it came within a minute of that.
    /// For 15 s sampling these are the legs of <see cref="From"/>.
    /// </summary>
    public static List<EtaLeg> ByTime(IEnumerable<TracedTrip> trips)
    {
        var legs = new List<EtaLeg>();
        foreach (var trip in trips)
        {
            if (trip.Fixes.Count == 0) continue;
            var first = trip.Fixes[0];
            var next = 1;
            foreach (var k in FixSteps)
            {
                var due = first.At + TimeSpan.FromSeconds(15 * k);
                while (next < trip.Fixes.Count && trip.Fixes[next].At < due) next++;
                if (next >= trip.Fixes.Count) break;
                var end = trip.Fixes[next];
                if (end.At - due > TimeSpan.FromMinutes(1) || first.Point.DistanceMetersTo(end.Point) < MinimumMeters) continue;
                legs.Add(new EtaLeg(trip.Id, first.Point, end.Point, first.At, (end.At - first.At).TotalSeconds));
            }
        }
        return legs;
    }
}
