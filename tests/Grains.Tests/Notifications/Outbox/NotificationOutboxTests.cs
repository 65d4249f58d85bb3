using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Notifications.Outbox;

/// <summary>
/// The outbox's contract, run once per database by the sealed subclasses. The queue is shared by every test of a class,
/// so each test claims through a time of its own far in the future only where it must see every due message; most use
/// fresh tenants and look at their own messages.
/// </summary>
public abstract class NotificationOutboxTests(HistoryDatabase database) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly DateTimeOffset _t0 = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(1, 100_000));
    private PortalDatabase _tables = null!;
    private NotificationOutbox _outbox = null!;

    public async Task InitializeAsync()
    {
        _tables = await PortalTables.OpenAsync(database);
        _outbox = new NotificationOutbox(_tables);
    }

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    [Fact]
    public async Task TheSameDeliveryKey_IsQueuedOnce_PerTenant()
    {
        var (tenant, other) = (NewTenant(), NewTenant());
        var message = Message(tenant, "OnMyWay:t1:c1:Sms");

        Assert.NotNull(await _outbox.EnqueueAsync(message, _t0));
        Assert.Null(await _outbox.EnqueueAsync(message with { Text = "again" }, _t0.AddSeconds(1)));
        Assert.NotNull(await _outbox.EnqueueAsync(message with { TenantId = other }, _t0)); // another company's moment

        var stored = Assert.Single(await _outbox.ForCustomerAsync(tenant, "customer", 10));
        Assert.Equal(message, stored.Message);
        Assert.Equal(OutboxStatus.Queued, stored.Status);
    }

    [Fact]
    public async Task AMessageIsClaimedOnlyWhenDue_AndByOneOwnerAtATime()
    {
        var tenant = NewTenant();
        var id = (await _outbox.EnqueueAsync(Message(tenant, "Reminder:t1", notBefore: _t0.AddHours(1)), _t0))!.Value;

        Assert.DoesNotContain(await ClaimAllAsync("node-a", _t0.AddMinutes(59)), m => m.Id == id);
        var claimed = Assert.Single(await ClaimAllAsync("node-a", _t0.AddHours(1)), m => m.Id == id);
        Assert.Equal((OutboxStatus.Sending, 1, false), (claimed.Status, claimed.Attempts, claimed.InDoubt));
        Assert.DoesNotContain(await ClaimAllAsync("node-b", _t0.AddHours(1).AddSeconds(1)), m => m.Id == id); // under a's lease
    }

    [Fact]
    public async Task ALapsedLease_IsClaimedAgain_InDoubt_AndTheFormerOwnerCanNoLongerSettleIt()
    {
        var tenant = NewTenant();
        var id = (await _outbox.EnqueueAsync(Message(tenant, "Completed:t1"), _t0))!.Value;
        Assert.Contains(await ClaimAllAsync("node-a", _t0), m => m.Id == id);

        var retaken = Assert.Single(await ClaimAllAsync("node-b", _t0 + Lease + TimeSpan.FromSeconds(1)), m => m.Id == id);
        Assert.Equal((2, true), (retaken.Attempts, retaken.InDoubt));

        Assert.False(await _outbox.MarkSentAsync(id, "node-a", "SM-a", _t0.AddMinutes(1)));
        Assert.True(await _outbox.MarkSentAsync(id, "node-b", "SM-b", _t0.AddMinutes(1)));
        var sent = await _outbox.GetAsync(tenant, id);
        Assert.Equal((OutboxStatus.Sent, "SM-b"), (sent!.Status, sent.ProviderId));
        Assert.Equal(["sent"], (await _outbox.StepsAsync(tenant, id)).Select(s => s.Status));
    }

    [Fact]
    public async Task ARestartedNode_TakesBackItsPredecessorsClaimsAtOnce_ButNoOtherNodes()
    {
        var tenant = NewTenant();
        var mine = (await _outbox.EnqueueAsync(Message(tenant, "Completed:a"), _t0))!.Value;
        var theirs = (await _outbox.EnqueueAsync(Message(tenant, "Completed:b"), _t0))!.Value;
        var claimedByDeadProcess = await ClaimAllAsync("host-1:5080/dead", _t0);
        Assert.Contains(claimedByDeadProcess, m => m.Id == mine);
        await _outbox.RequeueAsync(theirs, "host-1:5080/dead", _t0, "retry", null, countAttempt: true, inDoubt: false, _t0);
        Assert.Contains(await ClaimAllAsync("host-2:5080/alive", _t0), m => m.Id == theirs);

        Assert.True(await _outbox.ReleasePredecessorsAsync("host-1:5080/", "host-1:5080/restarted", _t0.AddSeconds(1)) >= 1); // earlier tests' rows too

        var retaken = await ClaimAllAsync("host-1:5080/restarted", _t0.AddSeconds(2));
        Assert.Equal([mine], retaken.Where(m => m.Id == mine || m.Id == theirs).Select(m => m.Id)); // another host's claim stands
        Assert.True(retaken.Single(m => m.Id == mine).InDoubt);
    }

    [Fact]
    public async Task ARequeue_WaitsForItsTime_AndOnlyARetryCountsAsAnAttempt()
    {
        var tenant = NewTenant();
        var id = (await _outbox.EnqueueAsync(Message(tenant, "Reminder:t2"), _t0))!.Value;
        await ClaimAllAsync("node-a", _t0);
        Assert.True(await _outbox.RequeueAsync(id, "node-a", _t0.AddHours(8), "held", "quiet hours until 08:00", countAttempt: false, inDoubt: false, _t0));
        Assert.DoesNotContain(await ClaimAllAsync("node-a", _t0.AddHours(7)), m => m.Id == id);

        var again = Assert.Single(await ClaimAllAsync("node-a", _t0.AddHours(8)), m => m.Id == id);
        Assert.Equal(1, again.Attempts); // the hold gave its attempt back
        Assert.True(await _outbox.RequeueAsync(id, "node-a", _t0.AddHours(9), "retry", "421 try later", countAttempt: true, inDoubt: false, _t0.AddHours(8)));
        Assert.Equal(1, (await _outbox.GetAsync(tenant, id))!.Attempts);
        Assert.Equal(["held", "retry"], (await _outbox.StepsAsync(tenant, id)).Select(s => s.Status));
    }

    [Fact]
    public async Task ARequeueInDoubt_IsClaimedInDoubt_UntilARequeueClearsIt()
    {
        var tenant = NewTenant();
        var id = (await _outbox.EnqueueAsync(Message(tenant, "Reminder:t3"), _t0))!.Value;
        Assert.False(Assert.Single(await ClaimAllAsync("node-a", _t0), m => m.Id == id).InDoubt);

        // The send timed out before the provider answered.
        Assert.True(await _outbox.RequeueAsync(id, "node-a", _t0.AddMinutes(1), "retry", "timed out", countAttempt: true, inDoubt: true, _t0));
        Assert.True(Assert.Single(await ClaimAllAsync("node-a", _t0.AddMinutes(1)), m => m.Id == id).InDoubt);

        // Held before anyone asked the provider: still in doubt.
        Assert.True(await _outbox.RequeueAsync(id, "node-a", _t0.AddMinutes(2), "held", "quiet hours", countAttempt: false, inDoubt: true, _t0.AddMinutes(1)));
        Assert.True(Assert.Single(await ClaimAllAsync("node-a", _t0.AddMinutes(2)), m => m.Id == id).InDoubt);

        // The provider said it had no such message, then refused the new send: nothing in doubt any more.
        Assert.True(await _outbox.RequeueAsync(id, "node-a", _t0.AddMinutes(3), "retry", "429", countAttempt: true, inDoubt: false, _t0.AddMinutes(2)));
        Assert.False(Assert.Single(await ClaimAllAsync("node-a", _t0.AddMinutes(3)), m => m.Id == id).InDoubt);
    }

    [Fact]
    public async Task ProviderReports_MoveAMessageOnlyForward()
    {
        var tenant = NewTenant();
        var id = (await _outbox.EnqueueAsync(Message(tenant, "OnMyWay:t3"), _t0))!.Value;
        await ClaimAllAsync("node-a", _t0);
        var sid = "SM" + Guid.NewGuid().ToString("N");
        Assert.True(await _outbox.MarkSentAsync(id, "node-a", sid, _t0));

        Assert.True(await _outbox.RecordProviderReportAsync("Sms", sid, OutboxStatus.Delivered, null, _t0.AddSeconds(2)));
        Assert.True(await _outbox.RecordProviderReportAsync("Sms", sid, OutboxStatus.Sent, null, _t0.AddSeconds(3))); // late, out of order
        Assert.False(await _outbox.RecordProviderReportAsync("Sms", "SM-unknown", OutboxStatus.Delivered, null, _t0));

        Assert.Equal(OutboxStatus.Delivered, (await _outbox.GetAsync(tenant, id))!.Status);
        Assert.Equal(["sent", "delivered"], (await _outbox.StepsAsync(tenant, id)).Select(s => s.Status));
    }

    [Fact]
    public async Task AFailureIsFinal_AndKeepsWhy()
    {
        var tenant = NewTenant();
        var id = (await _outbox.EnqueueAsync(Message(tenant, "Completed:t4"), _t0))!.Value;
        await ClaimAllAsync("node-a", _t0);
        Assert.True(await _outbox.FinishAsync(id, "node-a", OutboxStatus.Failed, "21211 invalid 'To' number", _t0));

        var failed = (await _outbox.GetAsync(tenant, id))!;
        Assert.Equal((OutboxStatus.Failed, "21211 invalid 'To' number"), (failed.Status, failed.Error));
        Assert.DoesNotContain(await ClaimAllAsync("node-a", _t0.AddDays(1)), m => m.Id == id);
    }

    [Fact]
    public async Task CancellingAVisitsReminders_LeavesItsOtherMessages_AndOtherTenants()
    {
        var (tenant, other) = (NewTenant(), NewTenant());
        var reminder = (await _outbox.EnqueueAsync(Message(tenant, "Reminder:24h", trigger: NotificationTrigger.Reminder, ticket: "t5", notBefore: _t0.AddDays(1)), _t0))!.Value;
        var confirmation = (await _outbox.EnqueueAsync(Message(tenant, "BookingConfirmed", trigger: NotificationTrigger.BookingConfirmed, ticket: "t5"), _t0))!.Value;
        var theirs = (await _outbox.EnqueueAsync(Message(other, "Reminder:24h", trigger: NotificationTrigger.Reminder, ticket: "t5", notBefore: _t0.AddDays(1)), _t0))!.Value;

        Assert.Equal(1, await _outbox.CancelQueuedAsync(tenant, "t5", NotificationTrigger.Reminder, "the window moved", _t0));

        Assert.Equal(OutboxStatus.Cancelled, (await _outbox.GetAsync(tenant, reminder))!.Status);
        Assert.Equal(OutboxStatus.Queued, (await _outbox.GetAsync(tenant, confirmation))!.Status);
        Assert.Equal(OutboxStatus.Queued, (await _outbox.GetAsync(other, theirs))!.Status);
    }

    [Fact]
    public async Task AnotherTenant_CannotReadAMessageOrItsLog()
    {
        var (tenant, other) = (NewTenant(), NewTenant());
        var id = (await _outbox.EnqueueAsync(Message(tenant, "Completed:t6"), _t0))!.Value;
        await ClaimAllAsync("node-a", _t0);
        await _outbox.MarkSentAsync(id, "node-a", null, _t0);

        Assert.Null(await _outbox.GetAsync(other, id));
        Assert.Empty(await _outbox.StepsAsync(other, id));
        Assert.Empty(await _outbox.ForCustomerAsync(other, "customer", 10));
    }

    [Fact]
    public async Task TheDailyCount_SeesOnlyWhatWentToThatRecipientSinceThen()
    {
        var tenant = NewTenant();
        for (var i = 0; i < 3; i++)
        {
            var id = (await _outbox.EnqueueAsync(Message(tenant, $"Message:{i}"), _t0))!.Value;
            await ClaimAllAsync("node-a", _t0);
            await _outbox.MarkSentAsync(id, "node-a", null, _t0.AddHours(i));
        }
        await _outbox.EnqueueAsync(Message(tenant, "Message:queued"), _t0); // not sent: not counted

        Assert.Equal(2, await _outbox.CountSentSinceAsync(tenant, "+351912345678", _t0.AddHours(1)));
        Assert.Equal(0, await _outbox.CountSentSinceAsync(tenant, "+351900000000", _t0));
    }

    // Claims everything due at `now` across the shared queue (other tests' messages included), in pages.
    private async Task<List<OutboxMessage>> ClaimAllAsync(string owner, DateTimeOffset now)
    {
        var all = new List<OutboxMessage>();
        while (await _outbox.ClaimDueAsync(owner, 500, Lease, now) is { Count: > 0 } page) all.AddRange(page);
        return all;
    }

    private OutgoingMessage Message(string tenant, string key, NotificationTrigger trigger = NotificationTrigger.OnMyWay, string? ticket = "t1", DateTimeOffset? notBefore = null) =>
        new(tenant, key, trigger, NotificationChannel.Sms, "+351912345678", "customer", "contact", ticket, "pt", null,
            "O técnico está a caminho: https://portal.test/track/abc", null, Urgent: true, Marketing: false, notBefore ?? _t0);

    private static string NewTenant() => "tenant-" + TenantKeys.NewId();
}
