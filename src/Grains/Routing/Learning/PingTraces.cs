using OrleansPortal.Grains.Technicians.History;
using TraceFix = OrleansPortal.Grains.Routing.Matching.GpsFix;

namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>
/// Cuts a technician's ping history into drives to learn travel times from. A technician's day is drives between
/// long stops (on site, at lunch, home): a drive ends where pings stop for <see cref="MaxGap"/> (phone off, no signal
/// for long) or where the technician stays within <see cref="StopRadiusMeters"/> for <see cref="MaxStop"/> (at a job);
/// time spent parked is not travel time and must not teach the model that a street is slow. Pings the tracker marked
/// as outliers are left out; drives shorter than <see cref="MinimumFixes"/> fixes or <see cref="MinimumMeters"/> are
/// dropped (a walk to the van says nothing about the roads).
/// </summary>
public static class PingTraces
{
    public static readonly TimeSpan MaxGap = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxStop = TimeSpan.FromMinutes(4);
    public const double StopRadiusMeters = 60;
    public const int MinimumFixes = 5;
    public const double MinimumMeters = 500;

    public static List<TracedTrip> Split(string technicianId, IReadOnlyList<PingRecord> pings)
    {
        var trips = new List<TracedTrip>();
        var current = new List<TraceFix>();
        var anchor = 0; // the first fix of the current stay within the stop radius
        foreach (var ping in pings.Where(p => !p.IsOutlier).OrderBy(p => p.Fix.Time))
        {
            var fix = new TraceFix(new GeoPoint(ping.Fix.Latitude, ping.Fix.Longitude), ping.Fix.Time);
            if (current.Count > 0 && fix.At - current[^1].At > MaxGap)
            {
                Close();
            }
            current.Add(fix);
            while (current[anchor].Point.DistanceMetersTo(fix.Point) > StopRadiusMeters) anchor++;
            if (fix.At - current[anchor].At > MaxStop)
            {
                // Parked: the drive ended where the stay began; the next one starts from here.
                current.RemoveRange(anchor + 1, current.Count - anchor - 1);
                Close();
                current.Add(fix);
            }
        }
        Close();
        return trips;

        void Close()
        {
            if (current.Count >= MinimumFixes && current[0].Point.DistanceMetersTo(current[^1].Point) >= MinimumMeters
                || current.Count >= MinimumFixes && PathMeters(current) >= 2 * MinimumMeters)
            {
                trips.Add(new TracedTrip($"{technicianId}@{current[0].At.UtcDateTime:O}", technicianId, [.. current]));
            }
            current = [];
            anchor = 0;
        }
    }

    private static double PathMeters(List<TraceFix> fixes)
    {
        var meters = 0.0;
        for (var i = 1; i < fixes.Count; i++) meters += fixes[i - 1].Point.DistanceMetersTo(fixes[i].Point);
        return meters;
    }
}
