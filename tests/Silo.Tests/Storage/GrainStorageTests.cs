using Orleans.Runtime;
using Orleans.Storage;
using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Storage;

/// <summary>The grain storage contract, run once per database by the sealed subclasses.</summary>
public abstract class GrainStorageTests(StorageDatabaseFixture database) : IAsyncLifetime
{
    private const string StateName = "counter";
    private AdoNetGrainStorage storage = null!;

    public async Task InitializeAsync()
    {
        storage = new AdoNetGrainStorage("store", database.CreateOptions());
        await storage.InitializeAsync();
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task WrittenState_IsReadBackByAnotherStorageInstance()
    {
        var grain = NewGrain();
        var written = await WriteNewAsync(grain, new CounterState("apples", 3));

        await using var restarted = new AdoNetGrainStorage("store", database.CreateOptions());
        var read = await ReadAsync(grain, restarted);

        Assert.Equal(new CounterState("apples", 3), read.State);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task ReadingAMissingRecord_LeavesTheStateAndReportsNoRecord()
    {
        var state = new TestGrainState<CounterState>(new CounterState("default", 7)) { ETag = "5", RecordExists = true };

        await storage.ReadStateAsync(StateName, NewGrain(), state);

        Assert.Equal(new CounterState("default", 7), state.State);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task WriteWithAStaleETag_ThrowsAndKeepsTheStoredValue()
    {
        var grain = NewGrain();
        var current = await WriteNewAsync(grain, new CounterState("a", 1));
        var staleEtag = current.ETag;
        current.State = new CounterState("a", 2);
        await storage.WriteStateAsync(StateName, grain, current);
        Assert.NotEqual(staleEtag, current.ETag);

        var stale = new TestGrainState<CounterState>(new CounterState("lost", 99)) { ETag = staleEtag, RecordExists = true };
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, stale));

        Assert.Equal(current.ETag, error.StoredEtag);
        Assert.Equal(new CounterState("a", 2), (await ReadAsync(grain)).State);
    }

    [Fact]
    public async Task CreatingARecordThatAlreadyExists_ThrowsAndKeepsTheStoredValue()
    {
        var grain = NewGrain();
        await WriteNewAsync(grain, new CounterState("first", 1));

        var second = new TestGrainState<CounterState>(new CounterState("second", 2));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, second));

        Assert.Equal(new CounterState("first", 1), (await ReadAsync(grain)).State);
    }

    [Fact]
    public async Task ClearThenWrite_CreatesTheRecordAgain()
    {
        var grain = NewGrain();
        var state = await WriteNewAsync(grain, new CounterState("old", 1));

        await storage.ClearStateAsync(StateName, grain, state);
        Assert.False(state.RecordExists);
        Assert.False((await ReadAsync(grain)).RecordExists);

        state.State = new CounterState("new", 2);
        await storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal(new CounterState("new", 2), (await ReadAsync(grain)).State);
    }

    [Fact]
    public async Task WriteHoldingAnETagFromBeforeAClear_IsRefused_EvenAfterTheRecordIsCreatedAgain()
    {
        var grain = NewGrain();
        var clearer = await WriteNewAsync(grain, new CounterState("first", 1));
        var stale = new TestGrainState<CounterState>(new CounterState("stale", 9)) { ETag = clearer.ETag, RecordExists = true };

        await storage.ClearStateAsync(StateName, grain, clearer);
        clearer.State = new CounterState("second", 2);
        await storage.WriteStateAsync(StateName, grain, clearer);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, stale));
        Assert.Equal(new CounterState("second", 2), (await ReadAsync(grain)).State);
    }

    [Fact]
    public async Task ClearWithAStaleETag_ThrowsAndKeepsTheRecord()
    {
        var grain = NewGrain();
        var current = await WriteNewAsync(grain, new CounterState("kept", 1));
        var stale = new TestGrainState<CounterState>(current.State) { ETag = current.ETag, RecordExists = true };
        await storage.WriteStateAsync(StateName, grain, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, stale));

        Assert.True((await ReadAsync(grain)).RecordExists);
    }

    [Fact]
    public async Task TwoGrainTypesWithTheSameKeyAndStateName_NeverSeeEachOthersState()
    {
        var key = Guid.NewGuid();
        var cart = GrainId.Create("cart", key);
        var order = GrainId.Create("order", key);

        await WriteNewAsync(cart, new CounterState("cart", 1));
        Assert.False((await ReadAsync(order)).RecordExists);

        await WriteNewAsync(order, new CounterState("order", 2));
        Assert.Equal(new CounterState("cart", 1), (await ReadAsync(cart)).State);
        Assert.Equal(new CounterState("order", 2), (await ReadAsync(order)).State);
    }

    [Fact]
    public async Task ConcurrentWritersHoldingTheSameETag_ExactlyOneWins()
    {
        var grain = NewGrain();
        var first = await WriteNewAsync(grain, new CounterState("start", 0));
        var writers = Enumerable.Range(1, 8)
            .Select(i => new TestGrainState<CounterState>(new CounterState("writer", i)) { ETag = first.ETag, RecordExists = true })
            .ToList();

        var won = await Task.WhenAll(writers.Select(w => Task.Run(() => TryWriteAsync(grain, w))));

        Assert.Single(won, w => w);
        Assert.Equal(writers[Array.IndexOf(won, true)].State, (await ReadAsync(grain)).State);
    }

    [Fact]
    public async Task ConcurrentCreatorsOfTheSameRecord_ExactlyOneWins()
    {
        var grain = NewGrain();
        var creators = Enumerable.Range(1, 8).Select(i => new TestGrainState<CounterState>(new CounterState("creator", i))).ToList();

        var won = await Task.WhenAll(creators.Select(c => Task.Run(() => TryWriteAsync(grain, c))));

        Assert.Single(won, w => w);
        Assert.Equal(creators[Array.IndexOf(won, true)].State, (await ReadAsync(grain)).State);
    }

    [Fact]
    public async Task StoredStateOfAnotherShape_ThrowsNamingTheGrainAndStateInsteadOfResetting()
    {
        var grain = NewGrain();
        var other = new TestGrainState<OtherShape>(new OtherShape(Count: "not a number"));
        await storage.WriteStateAsync(StateName, grain, other);

        var state = new TestGrainState<CounterState>(new CounterState("default", 0));
        var error = await Assert.ThrowsAsync<StateDeserializationException>(() => storage.ReadStateAsync(StateName, grain, state));

        Assert.Contains(grain.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{StateName}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(new CounterState("default", 0), state.State);
    }

    private static GrainId NewGrain() => GrainId.Create("counter", Guid.NewGuid());

    private async Task<TestGrainState<CounterState>> WriteNewAsync(GrainId grain, CounterState value)
    {
        var state = new TestGrainState<CounterState>(value);
        await storage.WriteStateAsync(StateName, grain, state);
        return state;
    }

    private async Task<TestGrainState<CounterState>> ReadAsync(GrainId grain, AdoNetGrainStorage? from = null)
    {
        var state = new TestGrainState<CounterState>(new CounterState("unread", -1));
        await (from ?? storage).ReadStateAsync(StateName, grain, state);
        return state;
    }

    private async Task<bool> TryWriteAsync(GrainId grain, TestGrainState<CounterState> state)
    {
        try
        {
            await storage.WriteStateAsync(StateName, grain, state);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    private sealed record OtherShape(string Count);
}
