using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Notifications.Tracking;

/// <summary>
/// How long a tracking link lives. It is for one visit: it stops <see cref="AfterVisit"/> after the job is completed or
/// cancelled (long enough to open the "done" message that evening and see it went well, short enough that a forwarded or
/// leaked link says nothing about the next visit), and in any case <see cref="MaxLifetime"/> after it was issued, so a
/// link to a job that stays open for ever does not live for ever.
/// </summary>
public static class TrackingLinkPolicy
{
    public static readonly TimeSpan AfterVisit = TimeSpan.FromHours(6);

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>True when the link may still show <paramref name="ticket"/> at <paramref name="now"/>.</summary>
    public static bool Shows(TrackingLinkGrant grant, TicketSnapshot ticket, DateTimeOffset now)
    {
        if (now >= grant.ExpiresAt) return false;
        if (ticket.Status is not (TicketStatus.Completed or TicketStatus.Cancelled)) return true;
        var ended = ticket.Audit.LastOrDefault(a => a.To == ticket.Status)?.At ?? grant.IssuedAt;
        return now < ended + AfterVisit;
    }

    /// <summary>True when a new link for <paramref name="ticket"/> would be of use: the visit is not over.</summary>
    public static bool CanIssue(TicketSnapshot ticket) => ticket.Status is not (TicketStatus.Completed or TicketStatus.Cancelled);
}
