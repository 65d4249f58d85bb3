using Orleans;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tests.Infrastructure;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Persistence;

/// <summary>
/// A change whose write failed is not applied: not seen by the next call, not stored by a later write. Each test makes
/// one grain's storage fail for one call, then reads and retries as a client would once the database is back.
/// </summary>
public sealed class FailedWriteTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private static readonly GeoPoint Site = new(41.1496, -8.6109);
    private readonly IClusterClient _client = cluster.Client;
    private readonly string _tenant = "tenant-" + TenantKeys.NewId();

    [Fact]
    public async Task AStatusChangeWhoseWriteFailed_IsNotSeen_AndTheRetrySucceeds()
    {
        var ticket = _client.GetGrain<ITicketGrain>(TenantKeys.For(_tenant, TenantKeys.NewId()));
        var created = await ticket.CreateAsync(new NewTicket("cust-1", "prop-1", Site, "Rua das Flores 10, Porto", "No heating", ["hvac"], TimeSpan.FromMinutes(30), null, TicketPriority.Routine), "dana@example.com");

        using (StorageFaults.FailWritesOf(ticket))
            await Assert.ThrowsAnyAsync<Exception>(() => ticket.ChangeStatusAsync(new StatusChange(TicketStatus.OnHold, "dana@example.com", "customer asked to wait")));

        var after = await ticket.GetAsync();
        Assert.Equal(TicketStatus.New, after.Status);
        Assert.Equal(created.Audit.Count, after.Audit.Count);
        var retried = await ticket.ChangeStatusAsync(new StatusChange(TicketStatus.OnHold, "dana@example.com", "customer asked to wait"));
        Assert.Equal(TicketStatus.OnHold, retried.Status);
        Assert.Equal(created.Audit.Count + 1, retried.Audit.Count); // the failed attempt left no audit entry behind
    }

    [Fact]
    public async Task ACallQueuedBehindAFailedWrite_IsServedByTheNextActivation_NotFailedWithThatWritesError()
    {
        var (ticket, created) = await NewTicketAsync();

        Task<TicketSnapshot> read;
        using (StorageFaults.FailWritesOf(ticket))
        {
            Task refused;
            using (StorageFaults.HoldWritesOf(ticket))
            {
                refused = ticket.ChangeStatusAsync(new StatusChange(TicketStatus.OnHold, "dana@example.com", "customer asked to wait"));
                await Task.Delay(200); // the change is in its write
                read = ticket.GetAsync(); // waits behind it, and then behind the deactivation the failure starts
                await Task.Delay(200);
            }

            await Assert.ThrowsAnyAsync<Exception>(() => refused);
        }

        var snapshot = await read; // was answered with the write's own failure when the deactivation carried it
        Assert.Equal(TicketStatus.New, snapshot.Status);
        Assert.Equal(created.Audit.Count, snapshot.Audit.Count);
    }

    [Fact]
    public async Task AWriteWhoseConnectionBrokeAfterItCommitted_IsAnsweredAsDone()
    {
        var (ticket, created) = await NewTicketAsync();

        TicketSnapshot held;
        using (StorageFaults.FailWritesOf(ticket, WriteFault.BrokeAfterCommitting))
            held = await ticket.ChangeStatusAsync(new StatusChange(TicketStatus.OnHold, "dana@example.com", "customer asked to wait"));

        Assert.Equal(TicketStatus.OnHold, held.Status); // storage was asked again, and it holds the change
        var after = await ticket.GetAsync();
        Assert.Equal(TicketStatus.OnHold, after.Status);
        Assert.Equal(created.Audit.Count + 1, after.Audit.Count);
    }

    [Fact]
    public async Task AWriteWhoseConnectionBrokeBeforeItCommitted_IsRefused_AndNotApplied()
    {
        var (ticket, created) = await NewTicketAsync();

        using (StorageFaults.FailWritesOf(ticket, WriteFault.BrokeBeforeCommitting))
            await Assert.ThrowsAnyAsync<Exception>(() => ticket.ChangeStatusAsync(new StatusChange(TicketStatus.OnHold, "dana@example.com", "customer asked to wait")));

        var after = await ticket.GetAsync();
        Assert.Equal(TicketStatus.New, after.Status);
        Assert.Equal(created.Audit.Count, after.Audit.Count);
    }

    [Fact]
    public async Task AWriteWhoseOutcomeStorageCannotTell_IsReportedAsUnknown_NotAsRefused()
    {
        var (ticket, _) = await NewTicketAsync();

        Exception unknown;
        using (StorageFaults.FailWritesOf(ticket, WriteFault.BrokeAndUnreadable))
            unknown = await Assert.ThrowsAnyAsync<Exception>(() => ticket.ChangeStatusAsync(new StatusChange(TicketStatus.OnHold, "dana@example.com", "customer asked to wait")));

        Assert.Contains("could not be asked whether it was applied", unknown.ToString());
    }

    private async Task<(ITicketGrain Ticket, TicketSnapshot Created)> NewTicketAsync()
    {
        var ticket = _client.GetGrain<ITicketGrain>(TenantKeys.For(_tenant, TenantKeys.NewId()));
        var created = await ticket.CreateAsync(new NewTicket("cust-1", "prop-1", Site, "Rua das Flores 10, Porto", "No heating", ["hvac"], TimeSpan.FromMinutes(30), null, TicketPriority.Routine), "dana@example.com");
        return (ticket, created);
    }

    [Fact]
    public async Task ARevocationWhoseWriteFailed_LeavesTheDeviceActive_AndItsPingsAccepted()
    {
        var technician = _client.GetGrain<ITechnicianGrain>(TenantKeys.For(_tenant, TenantKeys.NewId()));
        await technician.ProvisionAsync(new TechnicianProfile("Rui", ["hvac"], null, null), null);
        await technician.AddDeviceAsync(new DeviceSummary("phone-1", "phone", DateTimeOffset.UtcNow, Revoked: false, TokenHash: "not-used-here"));
        // A position not yet saved: the technician writes its state when it deactivates, which must not carry the failed revocation.
        await technician.RecordPingsAsync(Ping(DateTimeOffset.UtcNow.AddSeconds(-30)));

        using (StorageFaults.FailWritesOf(technician))
            await Assert.ThrowsAnyAsync<Exception>(() => technician.RevokeDeviceAsync("phone-1"));

        Assert.False((await technician.GetAsync()).Devices.Single().Revoked);
        var pinged = await technician.RecordPingsAsync(Ping(DateTimeOffset.UtcNow.AddSeconds(-5)));
        Assert.Equal(1, pinged!.Accepted);
        Assert.NotNull(await technician.RevokeDeviceAsync("phone-1"));
        Assert.True((await technician.GetAsync()).Devices.Single().Revoked);
    }

    [Fact]
    public async Task PingsWhoseStoreFailed_AreRefused_AndTheirResendIsStored_NotTakenForADuplicate()
    {
        var technicianId = TenantKeys.NewId();
        var technician = _client.GetGrain<ITechnicianGrain>(TenantKeys.For(_tenant, technicianId));
        await technician.ProvisionAsync(new TechnicianProfile("Rui", ["hvac"], null, null), null);
        await technician.AddDeviceAsync(new DeviceSummary("phone-1", "phone", DateTimeOffset.UtcNow, Revoked: false, TokenHash: "not-used-here"));
        await technician.RecordPingsAsync(Ping(DateTimeOffset.UtcNow.AddSeconds(-30)));
        var refusedAt = DateTimeOffset.UtcNow.AddSeconds(-5);

        using (StorageFaults.FailPingsOf(technicianId))
            await Assert.ThrowsAsync<StorageUnavailableException>(() => technician.RecordPingsAsync(Ping(refusedAt)));

        Assert.NotEqual(refusedAt, (await technician.GetAsync()).Position?.Time); // the refused fix is not the position
        var resent = await technician.RecordPingsAsync(Ping(refusedAt)); // what the phone does with a refused fix
        Assert.Equal(1, resent!.Accepted);
        Assert.Equal(refusedAt, (await technician.GetAsync()).Position?.Time);
    }

    private static TechnicianPings Ping(DateTimeOffset at) =>
        new(["phone-1"], [new GpsFix(at, Site.Latitude, Site.Longitude) { AccuracyMeters = 5 }], DateTimeOffset.UtcNow);

    [Fact]
    public async Task AChatMessageWhoseWriteFailed_IsNotListed_NorStoredByTheNextMessage()
    {
        var conversation = _client.GetGrain<IConversationGrain>(ConversationKey.ForCustomer(_tenant, "cust-" + TenantKeys.NewId()));
        await conversation.PostAsync(new NewMessage(MessageAuthor.Customer("contact-1", "Ana"), "Hello", [], Internal: false));

        Exception refused;
        using (StorageFaults.FailWritesOf(conversation))
            refused = await Assert.ThrowsAnyAsync<Exception>(() => conversation.PostAsync(new NewMessage(MessageAuthor.Customer("contact-1", "Ana"), "This one failed", [], Internal: false)));
        Assert.Contains("Injected storage fault", refused.ToString());
        await conversation.PostAsync(new NewMessage(MessageAuthor.Customer("contact-1", "Ana"), "And this one was stored", [], Internal: false));

        var page = await conversation.GetPageAsync(ConversationReader.Team, before: null, size: 50);
        Assert.Equal(["Hello", "And this one was stored"], page.Messages.Select(m => m.Text));
    }
}
