namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// Decides what each incoming fix means for a technician's position. Pure and single-threaded (the grain owns it).
/// Rules: a fix time seen recently is a duplicate; a fix older than the current position only goes to history;
/// a fix implying more than <see cref="MaxPlausibleSpeedKmh"/> from the current position is an outlier, unless it
/// agrees with the previous outlier: two consistent "outliers" in a row mean the current position was the wrong
/// one (a bad first fix, a tunnel), so the tracker re-anchors on them.
/// </summary>
public sealed class PositionTracker(GpsFix? current)
{
    public const double MaxPlausibleSpeedKmh = 250;
    private const int RememberedFixTimes = 4_096;

    private readonly HashSet<long> _seen = [];
    private readonly Queue<long> _seenOrder = new();
    private GpsFix? _lastOutlier;

    public GpsFix? Current { get; private set; } = current;

    public PingDisposition Observe(GpsFix fix)
    {
        if (!Remember(fix.Time.UtcTicks) || (Current is not null && fix.Time == Current.Time)) return PingDisposition.Duplicate;
        if (Current is not null && fix.Time < Current.Time) return PingDisposition.OutOfOrder;
        if (Current is not null && Geo.ImpliedSpeedKmh(Current, fix) > MaxPlausibleSpeedKmh)
        {
            var confirmed = _lastOutlier is not null && _lastOutlier.Time < fix.Time && Geo.ImpliedSpeedKmh(_lastOutlier, fix) <= MaxPlausibleSpeedKmh;
            _lastOutlier = fix;
            if (!confirmed) return PingDisposition.Outlier;
        }

        _lastOutlier = null;
        Current = fix;
        return PingDisposition.Accepted;
    }

    // Bounded memory of fix times: enough for any app's offline buffer replayed within one activation; older
    // replays are caught by the history table's primary key.
    private bool Remember(long ticks)
    {
        if (!_seen.Add(ticks)) return false;
        _seenOrder.Enqueue(ticks);
        if (_seenOrder.Count > RememberedFixTimes) _seen.Remove(_seenOrder.Dequeue());
        return true;
    }
}
