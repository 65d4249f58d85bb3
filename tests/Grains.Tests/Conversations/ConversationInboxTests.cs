using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Conversations;

/// <summary>The team inbox's contract, run once per database by the sealed subclasses. Each test uses fresh tenants.</summary>
public abstract class ConversationInboxTests(HistoryDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private PortalDatabase _tables = null!;
    private ConversationInbox _inbox = null!;

    public async Task InitializeAsync()
    {
        _tables = await PortalTables.OpenAsync(database);
        _inbox = new ConversationInbox(_tables);
    }

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    [Fact]
    public async Task Threads_AreListedNewestFirst_UpToTheLimit()
    {
        var tenant = NewTenant();
        var threads = Enumerable.Range(0, 5).Select(i => new ThreadActivity($"thread-{i}", $"customer-{i}", T0.AddMinutes(i), i)).ToList();
        foreach (var thread in threads.OrderBy(_ => Guid.NewGuid())) await _inbox.UpdateAsync(tenant, thread);

        Assert.Equal([threads[4], threads[3], threads[2]], await _inbox.ListAsync(tenant, 3));
    }

    [Fact]
    public async Task ALateReport_NeverReplacesANewerOne_WhileANewReadCountForTheSameMessageDoes()
    {
        var tenant = NewTenant();
        var newer = new ThreadActivity("thread", "customer", T0.AddMinutes(5), TeamUnread: 2);

        await _inbox.UpdateAsync(tenant, newer);
        await _inbox.UpdateAsync(tenant, newer with { LastMessageAt = T0, TeamUnread = 1 }); // an older message's report, late
        Assert.Equal([newer], await _inbox.ListAsync(tenant, 10));

        var read = newer with { TeamUnread = 0 }; // the team read the thread: same last message
        await _inbox.UpdateAsync(tenant, read);
        Assert.Equal([read], await _inbox.ListAsync(tenant, 10));
    }

    [Fact]
    public async Task ATenant_ListsOnlyItsOwnThreads()
    {
        var (mine, theirs) = (NewTenant(), NewTenant());
        var own = new ThreadActivity("thread-a", "customer-a", T0, 1);
        await _inbox.UpdateAsync(mine, own);
        await _inbox.UpdateAsync(theirs, new ThreadActivity("thread-b", "customer-b", T0.AddMinutes(1), 1));
        await _inbox.UpdateAsync(theirs, own with { TeamUnread = 7 }); // the same thread id elsewhere is another thread

        Assert.Equal([own], await _inbox.ListAsync(mine, 10));
    }

    [Fact]
    public async Task ACustomersThreads_AreListedNewestFirst_WithoutOtherCustomersOrTenants()
    {
        var (mine, theirs) = (NewTenant(), NewTenant());
        var general = new ThreadActivity("customer:c1", "c1", T0, 0);
        var job = new ThreadActivity("job:t1", "c1", T0.AddMinutes(3), 2);
        await _inbox.UpdateAsync(mine, general);
        await _inbox.UpdateAsync(mine, job);
        await _inbox.UpdateAsync(mine, new ThreadActivity("customer:c2", "c2", T0.AddMinutes(1), 1));
        await _inbox.UpdateAsync(theirs, new ThreadActivity("job:t9", "c1", T0.AddMinutes(2), 1)); // the same customer id in another company

        Assert.Equal([job, general], await _inbox.ListForCustomerAsync(mine, "c1", 10));
        Assert.Equal([job], await _inbox.ListForCustomerAsync(mine, "c1", 1));
    }

    private static string NewTenant() => "tenant-" + TenantKeys.NewId();
}
