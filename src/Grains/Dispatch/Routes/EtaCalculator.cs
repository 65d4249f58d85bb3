using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch.Routes;

public static class EtaPolicy
{
    /// <summary>Smaller moves are noise to a customer watching the clock; they are not published.</summary>
    public static readonly TimeSpan PublishThreshold = TimeSpan.FromMinutes(2);

    /// <summary>A position older than this says little about where the technician is now; the plan's start is used instead.</summary>
    public static readonly TimeSpan PositionFreshness = TimeSpan.FromMinutes(15);

    /// <summary>An ETA this close counts as arriving.</summary>
    public static readonly TimeSpan ArrivingWithin = TimeSpan.FromMinutes(5);

    /// <summary>A fresh position this close to the job counts as arriving, whatever the ETA says (an early technician's ETA is the window's start).</summary>
    public const double ArrivingWithinMeters = 150;

    /// <summary>
    /// Whether the technician is about to arrive at <paramref name="stop"/>: on the way to it, and either a fresh
    /// position within <see cref="ArrivingWithinMeters"/> of it or an ETA within <see cref="ArrivingWithin"/>.
    /// </summary>
    public static bool IsArriving(PlannedStop stop, StopEstimate estimate, GeoPoint? position, DateTimeOffset? positionAt, DateTimeOffset now)
    {
        if (stop.Status != TicketStatus.EnRoute) return false;
        if (estimate.Eta - now <= ArrivingWithin) return true;
        return position is { } at && positionAt is { } heard && now - heard <= PositionFreshness && at.DistanceMetersTo(stop.Location) <= ArrivingWithinMeters;
    }
}

/// <summary>
/// ETAs along a route, from where the technician is now: drive to the next stop, wait for its window if early, work
/// its service time and the buffer, drive on. A job on site finishes its remaining work first. Each drive is
/// estimated for when it starts, so a leg into the morning peak takes longer than the same leg at noon. A drive under
/// way (the first stop en route) also goes at the technician's <see cref="LivePace"/> for its next minutes. Pure.
/// </summary>
public static class EtaCalculator
{
    public static IReadOnlyList<StopEstimate> Estimate(RoutePlan plan, GeoPoint? position, DateTimeOffset? positionAt, DateTimeOffset now, ITravelTimeService travel, LivePace? live = null)
    {
        var fresh = position is not null && positionAt is { } at && now - at <= EtaPolicy.PositionFreshness;
        var location = fresh ? position!.Value : plan.Start;
        // Driving now when heading to the first job (or already out); otherwise the day begins at the shift's start.
        var headingOut = plan.Stops.Count > 0 && plan.Stops[0].Status is TicketStatus.EnRoute or TicketStatus.OnSite;
        var clock = headingOut || fresh && now >= plan.ShiftStart ? now : Max(now, plan.ShiftStart);
        var estimates = new List<StopEstimate>(plan.Stops.Count);
        for (var i = 0; i < plan.Stops.Count; i++)
        {
            var stop = plan.Stops[i];
            DateTimeOffset eta, departure;
            if (stop.Status == TicketStatus.OnSite)
            {
                eta = stop.OnSiteSince ?? now;
                departure = Max(now, eta + stop.Service);
            }
            else
            {
                // At the door, not at the kerb: arriving before the window opens means waiting for it, so that is when to expect them.
                var drive = travel.Estimate(location, stop.Location, clock).Seconds;
                // Only the drive under way, from where the technician is: how they move now says little about the
                // roads after the next job, and those legs start later by exactly what this one is late anyway.
                if (i == 0 && fresh && stop.Status == TicketStatus.EnRoute && live is not null && live.TicketId == stop.TicketId) drive = LivePace.DriveSeconds(drive, live.Ratio);
                // The clock is never before now, so neither is an arrival: a late technician is expected now plus the drive left.
                var arrival = clock + TimeSpan.FromSeconds(drive);
                eta = stop.ArrivalWindow is { } w ? Max(arrival, w.Start) : arrival;
                departure = eta + stop.Service;
            }

            var minutesLate = stop.ArrivalWindow is { } window && eta > window.End && stop.Status != TicketStatus.OnSite
                ? Math.Round((eta - window.End).TotalMinutes, 1)
                : 0;
            estimates.Add(new StopEstimate(stop.TicketId, eta, departure, minutesLate));
            clock = departure + plan.BufferBetweenJobs;
            location = stop.Location;
        }

        return estimates;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
