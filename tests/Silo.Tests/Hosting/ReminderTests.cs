using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Silo.Tests.Grains;
using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Hosting;

/// <summary>Reminders through Orleans' reminder service and its ADO.NET reminder table on our schema, on each database kind.</summary>
public abstract class ReminderTests
{
    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task ReminderRegisteredByAGrain_IsListedUpdatedAndRemoved()
    {
        await using var database = await CreateDatabaseAsync();
        await using var silo = await PortalSilo.StartAsync(database.Silo);
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grain = silo.Client.GetGrain<IReminderProbeGrain>(Guid.NewGuid().ToString());

        await grain.RegisterAsync("a", TimeSpan.FromHours(1));
        await grain.RegisterAsync("b", TimeSpan.FromHours(1));
        Assert.Equal(["a", "b"], await grain.ListAsync());
        var registered = await table.ReadRow(grain.GetGrainId(), "a");

        await grain.RegisterAsync("a", TimeSpan.FromHours(2));
        var updated = await table.ReadRow(grain.GetGrainId(), "a");
        Assert.Equal(TimeSpan.FromHours(2), updated?.Period);
        Assert.NotEqual(registered?.ETag, updated?.ETag);

        Assert.True(await grain.UnregisterAsync("a"));
        Assert.Equal(["b"], await grain.ListAsync());
        Assert.Null(await table.ReadRow(grain.GetGrainId(), "a"));
    }

    [Fact]
    public async Task Reminder_FiresOnASiloStartedAfterTheOneThatRegisteredItStopped()
    {
        await using var database = await CreateDatabaseAsync();
        var key = Guid.NewGuid().ToString();
        await using (var first = await PortalSilo.StartAsync(database.Silo))
        {
            await first.Client.GetGrain<IReminderProbeGrain>(key).RegisterAsync("tick", TimeSpan.FromSeconds(1));
        }

        await using var second = await PortalSilo.StartAsync(database.Silo);

        await Eventually.TrueAsync(() => second.Ticks.Count(key, "tick") > 0, "the reminder ticked on the restarted silo");
    }

    [Fact]
    public async Task RemovingAReminderWithAStaleETag_Fails_AndKeepsIt()
    {
        await using var database = await CreateDatabaseAsync();
        await using var silo = await PortalSilo.StartAsync(database.Silo);
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grain = NewGrainId();
        var stale = await table.UpsertRow(Entry(grain, "r", TimeSpan.FromMinutes(5)));
        var current = await table.UpsertRow(Entry(grain, "r", TimeSpan.FromMinutes(10)));

        Assert.False(await table.RemoveRow(grain, "r", stale!));
        Assert.NotNull(await table.ReadRow(grain, "r"));

        Assert.True(await table.RemoveRow(grain, "r", current!));
        Assert.Null(await table.ReadRow(grain, "r"));
    }

    [Fact]
    public async Task ReminderStartTimeAndPeriod_ReadBackExactly_AsUtc()
    {
        await using var database = await CreateDatabaseAsync();
        await using var silo = await PortalSilo.StartAsync(database.Silo);
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grain = NewGrainId();
        // Microseconds: PostgreSQL keeps no finer; SQLite keeps the 100 ns ticks too.
        var start = new DateTime(2031, 12, 31, 23, 59, 58, DateTimeKind.Utc).AddTicks(9_876_540);
        var period = TimeSpan.FromDays(40); // longer than int.MaxValue milliseconds: Orleans then passes a long

        await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = start, Period = period });

        var read = await table.ReadRow(grain, "r");
        Assert.Equal(start, read?.StartAt);
        Assert.Equal(DateTimeKind.Utc, read?.StartAt.Kind);
        Assert.Equal(period, read?.Period);
    }

    [Fact]
    public async Task RemindersAreReadByHashRange_WhetherOrNotTheRangeWrapsAround()
    {
        await using var database = await CreateDatabaseAsync();
        await using var silo = await PortalSilo.StartAsync(database.Silo);
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var target = NewGrainId();
        var other = NewGrainId();
        await table.UpsertRow(Entry(target, "r", TimeSpan.FromHours(1)));
        await table.UpsertRow(Entry(other, "r", TimeSpan.FromHours(1)));
        var hash = target.GetUniformHashCode();

        // Orleans' ranges are (begin, end] on the ring; a range wraps when begin >= end as signed numbers.
        Assert.Equal([target], await GrainsInAsync(table, hash - 1, hash));
        Assert.DoesNotContain(target, await GrainsInAsync(table, hash, hash + 1));
        Assert.Equal([other], await GrainsInAsync(table, hash, hash - 1));
        Assert.Equivalent(new[] { target, other }, await GrainsInAsync(table, hash - 1, hash - 2), strict: true);
    }

    private static async Task<GrainId[]> GrainsInAsync(IReminderTable table, uint begin, uint end) =>
        [.. (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId)];

    private static GrainId NewGrainId() => GrainId.Create(GrainType.Create("test.reminders"), Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = DateTime.UtcNow, Period = period };
}

public sealed class PostgreSqlReminderTests : ReminderTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgreSqlTestDatabase.CreateAsync();
}

public sealed class SqliteReminderTests : ReminderTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
