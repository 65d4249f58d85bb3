using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Tickets;

public sealed class TicketLifecycleTests
{
    [Theory]
    [InlineData(TicketStatus.New, TicketStatus.Scheduled)]
    [InlineData(TicketStatus.Scheduled, TicketStatus.Assigned)]
    [InlineData(TicketStatus.Assigned, TicketStatus.EnRoute)]
    [InlineData(TicketStatus.EnRoute, TicketStatus.OnSite)]
    [InlineData(TicketStatus.OnSite, TicketStatus.Completed)]
    [InlineData(TicketStatus.Assigned, TicketStatus.Scheduled)]
    [InlineData(TicketStatus.EnRoute, TicketStatus.Assigned)]
    public void TheJobsDay_AndItsStepsBack_AreAllowed(TicketStatus from, TicketStatus to) =>
        Assert.True(TicketLifecycle.CanMove(from, to, heldFrom: null));

    [Theory]
    [InlineData(TicketStatus.New, TicketStatus.Completed)]
    [InlineData(TicketStatus.Scheduled, TicketStatus.OnSite)]
    [InlineData(TicketStatus.OnSite, TicketStatus.Cancelled)]
    [InlineData(TicketStatus.Completed, TicketStatus.Assigned)]
    [InlineData(TicketStatus.Cancelled, TicketStatus.New)]
    public void SkippingStepsOrLeavingAFinalStatus_IsRefused(TicketStatus from, TicketStatus to) =>
        Assert.False(TicketLifecycle.CanMove(from, to, heldFrom: null));

    [Fact]
    public void OnHold_ResumesOnlyWhereItWasHeld()
    {
        Assert.True(TicketLifecycle.CanMove(TicketStatus.OnHold, TicketStatus.EnRoute, heldFrom: TicketStatus.EnRoute));
        Assert.False(TicketLifecycle.CanMove(TicketStatus.OnHold, TicketStatus.OnSite, heldFrom: TicketStatus.EnRoute));
        Assert.True(TicketLifecycle.CanMove(TicketStatus.OnHold, TicketStatus.Cancelled, heldFrom: TicketStatus.EnRoute));
    }

    [Fact]
    public void Refusal_SaysWhatIsAllowedInstead()
    {
        var message = TicketLifecycle.Explain(TicketStatus.New, TicketStatus.Completed, heldFrom: null);

        Assert.Contains("cannot become Completed", message);
        Assert.Contains("Scheduled", message);
    }
}
