namespace OrleansPortal.Grains.Customers;

/// <summary>A count of events in the last <c>window</c>, kept as their times (a short list: at most <c>limit</c> entries).</summary>
public static class SlidingWindow
{
    /// <summary>Drops times older than the window; records <paramref name="now"/> and answers true when fewer than <paramref name="limit"/> remain.</summary>
    public static bool TryAdmit(List<DateTimeOffset> recent, DateTimeOffset now, int limit, TimeSpan window)
    {
        recent.RemoveAll(t => t <= now - window);
        if (recent.Count >= limit) return false;
        recent.Add(now);
        return true;
    }
}
