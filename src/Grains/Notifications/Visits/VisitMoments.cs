using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Notifications.Visits;

/// <summary>
/// Which moments a ticket's change makes, from what was seen before to what is now. Pure: the visit grain feeds it
/// every change, whoever made it (a dispatcher, the phone, the geofence, the optimizer, the customer).
/// </summary>
public static class VisitMoments
{
    /// <summary>Reminders go this long before the window opens, when that is still ahead.</summary>
    public static readonly TimeSpan[] ReminderLeads = [TimeSpan.FromHours(24), TimeSpan.FromHours(2)];

    /// <summary>The review request follows completion by this much: after the customer has seen the work, before they forget it.</summary>
    public static readonly TimeSpan ReviewDelay = TimeSpan.FromHours(3);

    /// <summary>Statuses in which the visit is still to happen and its booking means something.</summary>
    private static bool Upcoming(TicketStatus status) => status is TicketStatus.Scheduled or TicketStatus.Assigned or TicketStatus.EnRoute;

    public static IReadOnlyList<VisitMoment> Between(VisitSeen? before, TicketSnapshot now, DateTimeOffset at)
    {
        var moments = new List<VisitMoment>();
        var window = now.ArrivalWindow;
        if (window is not null && Upcoming(now.Status))
        {
            if (before?.Window is null) moments.Add(new VisitMoment(NotificationTrigger.BookingConfirmed, ""));
            // The change's place in the audit trail is part of the key: a window moved away and back again is told twice.
            else if (before.Window != window) moments.Add(new VisitMoment(NotificationTrigger.BookingChanged, $"{Stamp(window.Start)}:{now.Audit.Count}"));

            if (before?.Window != window)
            {
                foreach (var lead in ReminderLeads)
                {
                    var due = window.Start - lead;
                    if (due > at) moments.Add(new VisitMoment(NotificationTrigger.Reminder, $"{lead.TotalHours:0}h:{Stamp(window.Start)}:{now.Audit.Count}", due));
                }
            }
        }

        // A technician named (or replaced) while the visit is still ahead; one message per technician per visit.
        if (now.TechnicianId is { } technician && technician != before?.TechnicianId && now.Status is TicketStatus.Assigned or TicketStatus.EnRoute)
            moments.Add(new VisitMoment(NotificationTrigger.TechnicianAssigned, technician));

        if (now.Status != before?.Status)
        {
            switch (now.Status)
            {
                case TicketStatus.EnRoute:
                    moments.Add(new VisitMoment(NotificationTrigger.OnMyWay, "")); // one per visit, however often it sets off
                    break;
                case TicketStatus.Completed:
                    moments.Add(new VisitMoment(NotificationTrigger.Completed, ""));
                    moments.Add(new VisitMoment(NotificationTrigger.ReviewRequest, "", at + ReviewDelay));
                    break;
            }
        }

        return moments;
    }

    /// <summary>Whether reminders queued for an earlier window must go: the window moved, or the visit will not happen.</summary>
    public static bool RemindersLapse(VisitSeen? before, TicketSnapshot now) =>
        before?.Window is not null && (before.Window != now.ArrivalWindow || !Upcoming(now.Status));

    /// <summary>
    /// The moments an ETA makes while the technician is on the way: arriving (the route's judgement, <see
    /// cref="Dispatch.Routes.EtaPolicy.IsArriving"/>: within 150 m or 5 minutes), and delayed past the window.
    /// </summary>
    public static IReadOnlyList<VisitMoment> FromEta(TicketStatus status, TimeWindow? window, bool arriving, double minutesLate, TimeSpan delayTolerance)
    {
        if (status != TicketStatus.EnRoute) return [];
        if (arriving) return [new VisitMoment(NotificationTrigger.Arriving, "")];
        if (window is not null && minutesLate > delayTolerance.TotalMinutes) return [new VisitMoment(NotificationTrigger.Delayed, Stamp(window.Start))];
        return [];
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMddTHHmm", System.Globalization.CultureInfo.InvariantCulture);
}
