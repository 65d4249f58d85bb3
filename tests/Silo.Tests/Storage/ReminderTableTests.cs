using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Storage;

/// <summary>The reminder table contract, run once per database by the sealed subclasses.</summary>
public abstract class ReminderTableTests(StorageDatabaseFixture database) : IAsyncLifetime
{
    // Microsecond precision and a non-UTC offset: both databases must return the same instant.
    private static readonly DateTimeOffset StartAt = new DateTimeOffset(2026, 11, 21, 9, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234560);

    private AdoNetReminderTable table = null!;

    public async Task InitializeAsync()
    {
        table = new AdoNetReminderTable("store", database.CreateOptions());
        await table.InitializeAsync();
    }

    public async Task DisposeAsync() => await table.DisposeAsync();

    [Fact]
    public async Task UpsertedReminder_IsReadBackWithItsETag()
    {
        var entry = NewEntry("daily-report", TimeSpan.FromMinutes(5));

        var etag = await table.UpsertRowAsync(entry);

        Assert.Equal(entry with { ETag = etag }, await table.ReadRowAsync(entry.GrainId, entry.ReminderName));
    }

    [Fact]
    public async Task UpsertingAnExistingReminder_ReplacesItAndChangesTheETag()
    {
        var entry = NewEntry("ping", TimeSpan.FromMinutes(1));
        var firstEtag = await table.UpsertRowAsync(entry);

        var changed = entry with { Period = TimeSpan.FromHours(1), StartAt = StartAt.AddDays(1) };
        var secondEtag = await table.UpsertRowAsync(changed);

        Assert.NotEqual(firstEtag, secondEtag);
        Assert.Equal(changed with { ETag = secondEtag }, await table.ReadRowAsync(entry.GrainId, entry.ReminderName));
    }

    [Fact]
    public async Task UpsertWithAStaleETag_ThrowsAndKeepsTheRow()
    {
        var entry = NewEntry("ping", TimeSpan.FromMinutes(1));
        var staleEtag = await table.UpsertRowAsync(entry);
        var currentEtag = await table.UpsertRowAsync(entry with { Period = TimeSpan.FromMinutes(2) });

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => table.UpsertRowAsync(entry with { Period = TimeSpan.FromMinutes(3), ETag = staleEtag }));

        var stored = await table.ReadRowAsync(entry.GrainId, entry.ReminderName);
        Assert.Equal(TimeSpan.FromMinutes(2), stored?.Period);
        Assert.Equal(currentEtag, stored?.ETag);
    }

    [Fact]
    public async Task RemoveWithTheCurrentETag_RemovesTheRow()
    {
        var entry = NewEntry("once", TimeSpan.FromMinutes(10));
        var etag = await table.UpsertRowAsync(entry);

        Assert.True(await table.RemoveRowAsync(entry.GrainId, entry.ReminderName, etag));

        Assert.Null(await table.ReadRowAsync(entry.GrainId, entry.ReminderName));
        Assert.False(await table.RemoveRowAsync(entry.GrainId, entry.ReminderName, etag));
    }

    [Fact]
    public async Task RemoveWithAStaleETag_ReturnsFalseAndKeepsTheRow()
    {
        var entry = NewEntry("stays", TimeSpan.FromMinutes(10));
        var staleEtag = await table.UpsertRowAsync(entry);
        await table.UpsertRowAsync(entry);

        Assert.False(await table.RemoveRowAsync(entry.GrainId, entry.ReminderName, staleEtag));
        Assert.False(await table.RemoveRowAsync(entry.GrainId, entry.ReminderName, "not-an-etag"));

        Assert.NotNull(await table.ReadRowAsync(entry.GrainId, entry.ReminderName));
    }

    [Fact]
    public async Task ReadAll_ReturnsEveryReminderAfterARestart()
    {
        var key = Guid.NewGuid();
        var cart = NewEntry("expire", TimeSpan.FromMinutes(30)) with { GrainId = GrainId.Create("cart", key) };
        var order = NewEntry("expire", TimeSpan.FromMinutes(45)) with { GrainId = GrainId.Create("order", key) };
        var cartEtag = await table.UpsertRowAsync(cart);
        var orderEtag = await table.UpsertRowAsync(order);

        await using var restarted = new AdoNetReminderTable("store", database.CreateOptions());
        var all = await restarted.ReadAllAsync();

        var mine = all.Where(e => e.GrainId.Key == key.ToString("N")).OrderBy(e => e.GrainId.Type, StringComparer.Ordinal);
        Assert.Equal([cart with { ETag = cartEtag }, order with { ETag = orderEtag }], mine);
    }

    private static ReminderEntry NewEntry(string name, TimeSpan period) =>
        new(GrainId.Create("counter", Guid.NewGuid()), name, StartAt, period);
}
