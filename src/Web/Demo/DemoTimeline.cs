using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Web.Demo;

/// <summary>
/// The demo's replay of recorded taxi traces as live technicians, one taxi each. Pure: the replay stamps each fix at
/// the pass's start plus its <see cref="ReplayFix.Offset"/> and sends it then, in real time, so every position the
/// map and the track show is current and speeds (and the jump filter) see real driving. Within a trip the recorded
/// spacing is kept; the hours a taxi waited between trips shrink to <see cref="MaxIdle"/> (a technician's phone
/// reports while parked, and the traces record only trips), so a technician is never silent long enough for a
/// "no signal" alert.
/// </summary>
public sealed class DemoTimeline
{
    public static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(2);

    private DemoTimeline(IReadOnlyList<ReplayFix> fixes) => Fixes = fixes;

    /// <summary>Every fix of every technician, in time order.</summary>
    public IReadOnlyList<ReplayFix> Fixes { get; }

    /// <summary>How long one pass lasts: its last fix, and a pause before the next pass starts again from the first.</summary>
    public TimeSpan PassLength => (Fixes.Count == 0 ? TimeSpan.Zero : Fixes[^1].Offset) + MaxIdle;

    /// <summary>
    /// The taxis with the most fixes, one per technician (at most <paramref name="technicians"/>), all starting
    /// together at offset zero, with speed and bearing from each taxi's previous fix.
    /// </summary>
    public static DemoTimeline Build(IEnumerable<RecordedFix> recorded, int technicians)
    {
        var byTaxi = recorded.GroupBy(f => f.TaxiId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(technicians).ToList();
        var fixes = new List<ReplayFix>();
        for (var t = 0; t < byTaxi.Count; t++)
        {
            RecordedFix? previous = null;
            var offset = TimeSpan.Zero;
            foreach (var fix in byTaxi[t].OrderBy(f => f.Time))
            {
                var gap = previous is null ? TimeSpan.Zero : fix.Time - previous.Time;
                var newTrip = gap > PortoTrips.FixInterval;
                offset += gap > MaxIdle ? MaxIdle : gap;
                var (knots, bearing) = previous is null || newTrip ? (0, 0) : Motion(previous, fix);
                fixes.Add(new ReplayFix(t, offset, fix.Latitude, fix.Longitude, knots, bearing));
                previous = fix;
            }
        }

        return new DemoTimeline([.. fixes.OrderBy(f => f.Offset).ThenBy(f => f.Technician)]);
    }

    private static (double Knots, double Bearing) Motion(RecordedFix from, RecordedFix to)
    {
        var meters = Geo.DistanceMeters(from.Latitude, from.Longitude, to.Latitude, to.Longitude);
        var knots = meters / (to.Time - from.Time).TotalSeconds / 0.514444;
        var y = Math.Sin(Radians(to.Longitude - from.Longitude)) * Math.Cos(Radians(to.Latitude));
        var x = Math.Cos(Radians(from.Latitude)) * Math.Sin(Radians(to.Latitude)) - Math.Sin(Radians(from.Latitude)) * Math.Cos(Radians(to.Latitude)) * Math.Cos(Radians(to.Longitude - from.Longitude));
        return (Math.Min(knots, 150), (Math.Atan2(y, x) * 180 / Math.PI + 360) % 360);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
