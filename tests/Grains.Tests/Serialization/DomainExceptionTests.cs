using OrleansPortal.Grains.Tests.Infrastructure;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Serialization;

/// <summary>
/// The web edge turns domain exceptions into 404/409 by their type, so they must reach a caller in another process with
/// their type and message. The test cluster's client is one: every call and every exception crosses the wire.
/// </summary>
public sealed class DomainExceptionTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private readonly string _tenant = "tenant-" + TenantKeys.NewId();

    [Fact]
    public async Task NotFound_Conflict_AndARefusedTransition_ArriveWithTheirTypeAndMessage()
    {
        var ticketId = TenantKeys.NewId();
        var ticket = cluster.Client.GetGrain<ITicketGrain>(TenantKeys.For(_tenant, ticketId));

        var notFound = await Assert.ThrowsAsync<NotFoundException>(ticket.GetAsync);
        await ticket.CreateAsync(new NewTicket("c", "p", new GeoPoint(41.1, -8.6), "Rua 1", "Leak", [], TimeSpan.FromMinutes(30), null, TicketPriority.Routine), "dana");
        var conflict = await Assert.ThrowsAsync<ConflictException>(() =>
            ticket.CreateAsync(new NewTicket("c", "p", new GeoPoint(41.1, -8.6), "Rua 1", "Leak", [], TimeSpan.FromMinutes(30), null, TicketPriority.Routine), "dana"));
        var refused = await Assert.ThrowsAsync<InvalidTransitionException>(() => ticket.ChangeStatusAsync(new StatusChange(TicketStatus.Completed, "dana")));

        Assert.Equal($"Ticket {ticketId} does not exist.", notFound.Message);
        Assert.Equal($"Ticket {ticketId} already exists.", conflict.Message);
        Assert.StartsWith("A ticket that is New cannot become Completed", refused.Message);
    }
}
