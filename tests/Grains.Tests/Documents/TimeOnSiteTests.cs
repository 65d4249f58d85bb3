using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Documents;

public sealed class TimeOnSiteTests
{
    private static readonly DateTimeOffset Nine = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static AuditEntry Entry(int minutes, TicketStatus? from, TicketStatus to, string? reason = null) =>
        new(Nine.AddMinutes(minutes), "technician:t1", from, to, reason, "t1");

    [Fact]
    public void FromCheckInToCompletion_IsTheTimeOnSite()
    {
        var onSite = TimeOnSite.From([
            Entry(0, null, TicketStatus.New, "created"),
            Entry(5, TicketStatus.New, TicketStatus.Assigned),
            Entry(10, TicketStatus.Assigned, TicketStatus.EnRoute),
            Entry(30, TicketStatus.EnRoute, TicketStatus.OnSite),
            Entry(35, TicketStatus.OnSite, TicketStatus.OnSite, "pinned"), // not a second arrival
            Entry(95, TicketStatus.OnSite, TicketStatus.Completed),
        ]);

        Assert.Equal((Nine.AddMinutes(30), Nine.AddMinutes(95), TimeSpan.FromMinutes(65)), (onSite.Arrived, onSite.Departed, onSite.Duration));
    }

    [Fact]
    public void AJobThatTurnedBackAndCameAgain_CountsFromTheFirstArrival()
    {
        var onSite = TimeOnSite.From([
            Entry(0, TicketStatus.EnRoute, TicketStatus.OnSite),
            Entry(20, TicketStatus.OnSite, TicketStatus.EnRoute),
            Entry(40, TicketStatus.EnRoute, TicketStatus.OnSite),
            Entry(70, TicketStatus.OnSite, TicketStatus.Completed),
        ]);

        Assert.Equal(TimeSpan.FromMinutes(70), onSite.Duration);
    }

    [Fact]
    public void StillOnSite_HasAnArrivalButNoDuration_AndNeverThereHasNeither()
    {
        var working = TimeOnSite.From([Entry(0, TicketStatus.EnRoute, TicketStatus.OnSite)]);
        var cancelled = TimeOnSite.From([Entry(0, null, TicketStatus.New), Entry(5, TicketStatus.New, TicketStatus.Cancelled)]);

        Assert.Equal((Nine, (DateTimeOffset?)null, (TimeSpan?)null), (working.Arrived, working.Departed, working.Duration));
        Assert.Equal(new TimeOnSite(null, null), cancelled);
    }
}
