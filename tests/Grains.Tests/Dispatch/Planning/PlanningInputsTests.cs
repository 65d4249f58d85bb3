using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch.Planning;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Dispatch.Planning;

public sealed class PlanningInputsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly GeoPoint Home = new(41.14, -8.61);
    private static readonly GeoPoint Here = new(41.16, -8.63);

    private static TechnicianSnapshot Technician(TechnicianSchedule schedule, GpsFix? position = null, params string[] skills) =>
        new("t", "tech", new TechnicianProfile("Gil Gardener", skills, Home, null), TechnicianStatus.Available, position, position?.Time, [], schedule);

    private static TechnicianSchedule Schedule(params WorkingHours[] hours) =>
        TechnicianSchedule.Default with { TimeZone = "Europe/Lisbon", WorkingHours = hours };

    [Fact]
    public void ADayOff_OrABlackoutDate_LeavesTheTechnicianOut_WithTheReason()
    {
        var weekdays = Schedule(new WorkingHours(DayOfWeek.Monday, new(8, 0), new(17, 0)));

        Assert.Null(PlanningInputs.Technician(Technician(weekdays), Monday.AddDays(1), Monday.ToDateTime(TimeOnly.MinValue), out var tuesday));
        Assert.Contains("does not work on Tuesday", tuesday);
        Assert.Null(PlanningInputs.Technician(Technician(weekdays with { BlackoutDates = [Monday] }), Monday, Monday.ToDateTime(TimeOnly.MinValue), out var blackout));
        Assert.NotNull(blackout);
    }

    [Fact]
    public void ASplitShift_IsOneSpan_InTheSchedulesTimeZone()
    {
        var split = Schedule(new WorkingHours(DayOfWeek.Monday, new(8, 0), new(12, 0)), new WorkingHours(DayOfWeek.Monday, new(13, 0), new(17, 30)));

        var planned = PlanningInputs.Technician(Technician(split), Monday, new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), out _)!;

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), planned.ShiftStart); // Lisbon is UTC in November
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 17, 30, 0, TimeSpan.Zero), planned.ShiftEnd);
        Assert.Equal(Home, planned.Start);
    }

    [Fact]
    public void ANightShift_IsPlannedOnItsDay_UntilTheNextMorning_AndItsRestAfterMidnightOnTheNextDay()
    {
        var nights = Schedule(new WorkingHours(DayOfWeek.Monday, new(22, 0), new(6, 0)));
        var before = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

        var monday = PlanningInputs.Technician(Technician(nights), Monday, before, out _)!;
        var tuesday = PlanningInputs.Technician(Technician(nights), Monday.AddDays(1), before, out _)!;
        var offOnMonday = PlanningInputs.Technician(Technician(nights with { BlackoutDates = [Monday] }), Monday.AddDays(1), before, out var reason);

        Assert.Equal((new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero)), (monday.ShiftStart, monday.ShiftEnd));
        Assert.Equal((new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero)), (tuesday.ShiftStart, tuesday.ShiftEnd));
        Assert.Null(offOnMonday); // the night starting on the day off is not worked, so neither is its morning
        Assert.Contains("does not work on Tuesday", reason);
    }

    [Fact]
    public void Today_StartsNow_FromAFreshPosition_AndExpiredCertificationsDoNotCount()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var schedule = Schedule(new WorkingHours(DayOfWeek.Monday, new(8, 0), new(17, 0))) with
        {
            Certifications = [new Certification("backflow", Monday.AddDays(-1)), new Certification("gas", Monday)],
        };

        var planned = PlanningInputs.Technician(Technician(schedule, new GpsFix(now.AddMinutes(-2), Here.Latitude, Here.Longitude), "irrigation"), Monday, now, out _)!;

        Assert.Equal(now, planned.ShiftStart);
        Assert.Equal(Here, planned.Start);
        Assert.Equal(Home, planned.End);
        Assert.Equal(["gas", "irrigation"], planned.Qualifications.Order());
    }

    [Fact]
    public void AJobOnSite_KeepsOnlyItsRemainingWork_AndAPassedWindowIsStillPlanned()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var dayStart = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var details = new NewTicket("c", "p", Home, "addr", "desc", [], TimeSpan.FromMinutes(60), null, TicketPriority.Routine);
        var window = new TimeWindow(now.AddHours(-3), now.AddHours(-1));
        var onSite = new TicketSnapshot("tenant", "a", details, window, TicketStatus.OnSite, "tech", null, false,
            [new AuditEntry(now.AddMinutes(-40), "x", TicketStatus.EnRoute, TicketStatus.OnSite, null, "tech")]);
        var missed = onSite with { TicketId = "b", Status = TicketStatus.Scheduled, TechnicianId = null, Audit = [] };

        var working = PlanningInputs.Job(onSite, dayStart, dayStart.AddDays(1), now);
        var late = PlanningInputs.Job(missed, dayStart, dayStart.AddDays(1), now);

        Assert.Equal(TimeSpan.FromMinutes(20), working.Service);
        Assert.Equal(("tech", true), (working.PinnedTechnician, working.InProgress));
        Assert.Equal(now, late.Earliest);
        Assert.Equal(dayStart.AddDays(1), late.Latest);
        Assert.Equal(window, late.Window); // lateness is still measured against what was promised
    }
}
