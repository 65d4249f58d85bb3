using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Tests.Grains;
using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Hosting;

/// <summary>
/// Grain state through Orleans' ADO.NET grain storage on our schema, on each database kind: through a grain, and
/// through the storage itself where a test needs a stale ETag or a race.
/// </summary>
public abstract class GrainStorageTests
{
    private const string StateName = "counter";

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task StateWrittenByAGrain_IsReadBackByItsNextActivation()
    {
        await using var database = await CreateDatabaseAsync();
        await using var silo = await PortalSilo.StartAsync(database.Silo);
        var grain = silo.Client.GetGrain<ICounterGrain>(Guid.NewGuid());

        await grain.SetAsync(42);
        await grain.DeactivateAsync();

        Assert.Equal(42, await grain.GetAsync());
    }

    [Fact]
    public async Task StateSurvivesASiloRestart()
    {
        await using var database = await CreateDatabaseAsync();
        var key = Guid.NewGuid();
        await using (var first = await PortalSilo.StartAsync(database.Silo))
        {
            await first.Client.GetGrain<ICounterGrain>(key).SetAsync(7);
        }

        await using var second = await PortalSilo.StartAsync(database.Silo);

        Assert.Equal(7, await second.Client.GetGrain<ICounterGrain>(key).GetAsync());
    }

    [Fact]
    public async Task WriteWithAStaleETag_IsRejected_AndTheStoredStateIsUnchanged()
    {
        await using var database = await CreateDatabaseAsync();
        await using var silo = await PortalSilo.StartAsync(database.Silo);
        var storage = Storage(silo);
        var id = NewGrainId();
        var current = new GrainState<CounterState>(new CounterState { Value = 1 });
        await storage.WriteStateAsync(StateName, id, current);
        var stale = await ReadAsync(storage, id);
        current.State!.Value = 2;
        await storage.WriteStateAsync(StateName, id, current);

        stale.State!.Value = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, id, stale));

        var stored = await ReadAsync(storage, id);
        Assert.Equal(2, stored.State!.Value);
        Assert.Equal(current.ETag, stored.ETag);
    }

    [Fact]
    public async Task FirstWritesRacingForOneGrain_HaveExactlyOneWinner_WhoseStateIsStored()
    {
        await using var database = await CreateDatabaseAsync();
        await using var silo = await PortalSilo.StartAsync(database.Silo);
        var storage = Storage(silo);
        var id = NewGrainId();
        var writers = Enumerable.Range(1, 8).Select(i => new GrainState<CounterState>(new CounterState { Value = i })).ToList();

        var won = await Task.WhenAll(writers.Select(w => Task.Run(() => TryWriteAsync(storage, id, w))));

        var winner = Assert.Single(writers.Where((_, i) => won[i]));
        var stored = await ReadAsync(storage, id);
        Assert.Equal(winner.State!.Value, stored.State!.Value);
        Assert.Equal(winner.ETag, stored.ETag);
    }

    [Fact]
    public async Task ClearThenRead_GivesTheDefaultState_AndAWriteWithTheETagFromBeforeTheClearIsRejected()
    {
        await using var database = await CreateDatabaseAsync();
        await using var silo = await PortalSilo.StartAsync(database.Silo);
        var storage = Storage(silo);
        var id = NewGrainId();
        var state = new GrainState<CounterState>(new CounterState { Value = 5, Label = "five" });
        await storage.WriteStateAsync(StateName, id, state);
        var beforeClear = await ReadAsync(storage, id);

        await storage.ClearStateAsync(StateName, id, state);

        var cleared = await ReadAsync(storage, id);
        Assert.False(cleared.RecordExists);
        Assert.Equal(0, cleared.State!.Value);
        Assert.Null(cleared.State!.Label);
        beforeClear.State!.Value = 6;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, id, beforeClear));
        Assert.False((await ReadAsync(storage, id)).RecordExists);
    }

    [Fact]
    public async Task ClearWithAStaleETag_IsRejected_AndTheStateIsKept()
    {
        await using var database = await CreateDatabaseAsync();
        await using var silo = await PortalSilo.StartAsync(database.Silo);
        var storage = Storage(silo);
        var id = NewGrainId();
        var current = new GrainState<CounterState>(new CounterState { Value = 1 });
        await storage.WriteStateAsync(StateName, id, current);
        var stale = await ReadAsync(storage, id);
        current.State!.Value = 2;
        await storage.WriteStateAsync(StateName, id, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, id, stale));

        Assert.Equal(2, (await ReadAsync(storage, id)).State!.Value);
    }

    [Fact]
    public async Task WriteWithAnETagForStateThatIsNotStored_IsRejected_AndStoresNothing()
    {
        await using var database = await CreateDatabaseAsync();
        await using var silo = await PortalSilo.StartAsync(database.Silo);
        var storage = Storage(silo);
        var id = NewGrainId();

        var believed = new GrainState<CounterState>(new CounterState { Value = 3 }) { ETag = "1" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, id, believed));

        Assert.False((await ReadAsync(storage, id)).RecordExists);
    }

    [Fact]
    public async Task GrainsThatDifferOnlyInKeyOrStateName_KeepSeparateState()
    {
        await using var database = await CreateDatabaseAsync();
        await using var silo = await PortalSilo.StartAsync(database.Silo);
        var storage = Storage(silo);
        var type = GrainType.Create("test.keys");
        var guid = Guid.NewGuid();
        (string StateName, GrainId Id)[] slots =
        [
            (StateName, GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(7))),
            (StateName, GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(7, "a"))),
            (StateName, GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(7, "b"))),
            (StateName, GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(8))),
            (StateName, GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid))),
            (StateName, GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "a"))),
            (StateName, GrainId.Create(type, "seven")),
            ("other-state", GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(7))),
        ];

        for (var i = 0; i < slots.Length; i++)
        {
            await storage.WriteStateAsync(slots[i].StateName, slots[i].Id, new GrainState<CounterState>(new CounterState { Value = 100 + i }));
        }

        for (var i = 0; i < slots.Length; i++)
        {
            var read = new GrainState<CounterState>();
            await storage.ReadStateAsync(slots[i].StateName, slots[i].Id, read);
            Assert.Equal(100 + i, read.State!.Value);
        }
    }

    private static IGrainStorage Storage(PortalSilo silo) =>
        silo.Services.GetRequiredKeyedService<IGrainStorage>(PortalSiloBuilderExtensions.DefaultStorage);

    private static GrainId NewGrainId() => GrainId.Create(GrainType.Create("test.counter"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid()));

    private static async Task<GrainState<CounterState>> ReadAsync(IGrainStorage storage, GrainId id)
    {
        var state = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, id, state);
        return state;
    }

    private static async Task<bool> TryWriteAsync(IGrainStorage storage, GrainId id, GrainState<CounterState> state)
    {
        try
        {
            await storage.WriteStateAsync(StateName, id, state);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }
}

public sealed class PostgreSqlGrainStorageTests : GrainStorageTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgreSqlTestDatabase.CreateAsync();
}

public sealed class SqliteGrainStorageTests : GrainStorageTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
