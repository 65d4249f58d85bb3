using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Visits;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Notifications.Visits;

public sealed class VisitMomentsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeWindow Tomorrow = new(Now.AddDays(1).AddHours(1), Now.AddDays(1).AddHours(3));

    [Fact]
    public void BookingAVisit_ConfirmsIt_AndQueuesBothReminders()
    {
        var moments = VisitMoments.Between(null, Ticket(TicketStatus.Scheduled, Tomorrow), Now);

        Assert.Equal([NotificationTrigger.BookingConfirmed, NotificationTrigger.Reminder, NotificationTrigger.Reminder], moments.Select(m => m.Trigger));
        Assert.Equal([Tomorrow.Start.AddHours(-24), Tomorrow.Start.AddHours(-2)], moments.Where(m => m.Trigger == NotificationTrigger.Reminder).Select(m => m.NotBefore));
    }

    [Fact]
    public void AReminderWhoseHourHasPassed_IsNotQueued()
    {
        var soon = new TimeWindow(Now.AddHours(3), Now.AddHours(5));
        var moments = VisitMoments.Between(null, Ticket(TicketStatus.Scheduled, soon), Now);

        Assert.Equal([Now.AddHours(1)], moments.Where(m => m.Trigger == NotificationTrigger.Reminder).Select(m => m.NotBefore)); // 2 h before only
    }

    [Fact]
    public void MovingTheWindow_TellsTheCustomer_AndLetsTheOldRemindersLapse()
    {
        var before = VisitSeen.Of(Ticket(TicketStatus.Scheduled, Tomorrow));
        var moved = Ticket(TicketStatus.Scheduled, new TimeWindow(Tomorrow.Start.AddHours(4), Tomorrow.End.AddHours(4)), audit: 2);

        var moments = VisitMoments.Between(before, moved, Now);

        Assert.Equal([NotificationTrigger.BookingChanged, NotificationTrigger.Reminder, NotificationTrigger.Reminder], moments.Select(m => m.Trigger));
        Assert.True(VisitMoments.RemindersLapse(before, moved));
    }

    [Fact]
    public void AWindowMovedAwayAndBack_IsToldBothTimes()
    {
        var first = VisitSeen.Of(Ticket(TicketStatus.Scheduled, Tomorrow));
        var away = Ticket(TicketStatus.Scheduled, new TimeWindow(Tomorrow.Start.AddHours(4), Tomorrow.End.AddHours(4)), audit: 2);
        var back = Ticket(TicketStatus.Scheduled, Tomorrow, audit: 3);

        var there = VisitMoments.Between(first, away, Now).Single(m => m.Trigger == NotificationTrigger.BookingChanged);
        var again = VisitMoments.Between(VisitSeen.Of(away), back, Now).Single(m => m.Trigger == NotificationTrigger.BookingChanged);
        Assert.NotEqual(there.Occurrence, again.Occurrence);
    }

    [Fact]
    public void TheSameChangeSeenTwice_GivesTheSameMoments()
    {
        var before = VisitSeen.Of(Ticket(TicketStatus.Scheduled, Tomorrow));
        var assigned = Ticket(TicketStatus.Assigned, Tomorrow, technician: "tech-1", audit: 2);

        Assert.Equal(VisitMoments.Between(before, assigned, Now), VisitMoments.Between(before, assigned, Now.AddMinutes(3)));
    }

    [Fact]
    public void AssigningAndReplacingTheTechnician_NamesEachOnce()
    {
        var scheduled = VisitSeen.Of(Ticket(TicketStatus.Scheduled, Tomorrow));
        var assigned = Ticket(TicketStatus.Assigned, Tomorrow, technician: "tech-1", audit: 2);
        var replaced = Ticket(TicketStatus.Assigned, Tomorrow, technician: "tech-2", audit: 3);
        var pinned = Ticket(TicketStatus.Assigned, Tomorrow, technician: "tech-2", audit: 4);

        Assert.Equal([new VisitMoment(NotificationTrigger.TechnicianAssigned, "tech-1")], VisitMoments.Between(scheduled, assigned, Now));
        Assert.Equal([new VisitMoment(NotificationTrigger.TechnicianAssigned, "tech-2")], VisitMoments.Between(VisitSeen.Of(assigned), replaced, Now));
        Assert.Empty(VisitMoments.Between(VisitSeen.Of(replaced), pinned, Now)); // a change that is not news
    }

    [Fact]
    public void SettingOff_IsOnMyWay_OncePerVisit()
    {
        var assigned = VisitSeen.Of(Ticket(TicketStatus.Assigned, Tomorrow, technician: "tech-1"));
        var enRoute = Ticket(TicketStatus.EnRoute, Tomorrow, technician: "tech-1", audit: 2);

        Assert.Equal([new VisitMoment(NotificationTrigger.OnMyWay, "")], VisitMoments.Between(assigned, enRoute, Now));
        Assert.Equal("", VisitMoments.Between(VisitSeen.Of(enRoute) with { Status = TicketStatus.Assigned }, enRoute with { Audit = [.. enRoute.Audit, enRoute.Audit[0]] }, Now)
            .Single(m => m.Trigger == NotificationTrigger.OnMyWay).Occurrence); // turned back and set off again: the same key, so one message
    }

    [Fact]
    public void Completing_SendsTheReport_AndTheReviewRequestHoursLater()
    {
        var onSite = VisitSeen.Of(Ticket(TicketStatus.OnSite, Tomorrow, technician: "tech-1"));
        var completed = Ticket(TicketStatus.Completed, Tomorrow, technician: "tech-1", audit: 2);

        var moments = VisitMoments.Between(onSite, completed, Now);

        Assert.Equal([new VisitMoment(NotificationTrigger.Completed, ""), new VisitMoment(NotificationTrigger.ReviewRequest, "", Now + VisitMoments.ReviewDelay)], moments);
        Assert.True(VisitMoments.RemindersLapse(onSite, completed));
    }

    [Fact]
    public void Cancelling_LetsTheRemindersLapse_AndSaysNothingElse()
    {
        var scheduled = VisitSeen.Of(Ticket(TicketStatus.Scheduled, Tomorrow));
        var cancelled = Ticket(TicketStatus.Cancelled, Tomorrow, audit: 2);

        Assert.Empty(VisitMoments.Between(scheduled, cancelled, Now));
        Assert.True(VisitMoments.RemindersLapse(scheduled, cancelled));
    }

    [Fact]
    public void AnArrivingEta_IsArriving_AndOneFarPastTheWindow_IsDelayed()
    {
        var tolerance = TimeSpan.FromMinutes(15);
        Assert.Equal([NotificationTrigger.Arriving], VisitMoments.FromEta(TicketStatus.EnRoute, Tomorrow, arriving: true, 0, tolerance).Select(m => m.Trigger));
        Assert.Equal([NotificationTrigger.Arriving], VisitMoments.FromEta(TicketStatus.EnRoute, Tomorrow, arriving: true, 20, tolerance).Select(m => m.Trigger)); // at the door: late is old news
        Assert.Equal([NotificationTrigger.Delayed], VisitMoments.FromEta(TicketStatus.EnRoute, Tomorrow, arriving: false, 20, tolerance).Select(m => m.Trigger));
        Assert.Empty(VisitMoments.FromEta(TicketStatus.EnRoute, Tomorrow, arriving: false, 10, tolerance)); // late, but within tolerance
        Assert.Empty(VisitMoments.FromEta(TicketStatus.Assigned, Tomorrow, arriving: true, 0, tolerance)); // not on the way yet
    }

    private static TicketSnapshot Ticket(TicketStatus status, TimeWindow? window, string? technician = null, int audit = 1)
    {
        var details = new NewTicket("customer", "property", new GeoPoint(41.15, -8.61), "Rua 1, Porto", "Fix the tap", [], TimeSpan.FromHours(1), window, TicketPriority.Routine);
        var entries = Enumerable.Range(0, audit).Select(i => new AuditEntry(Now.AddMinutes(i), "test", null, status, null, technician)).ToList();
        return new TicketSnapshot("tenant", "ticket", details, window, status, technician, null, false, entries);
    }
}
