using OrleansPortal.Silo.Tests.Grains;
using OrleansPortal.Testing;

namespace OrleansPortal.Silo.Tests.Runtime;

public sealed class InterleavingTests : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await TestSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task AlwaysInterleaveCall_RunsWhileAnotherCallHoldsTheTurn()
    {
        var gate = _silo.Client.GetGrain<IGateGrain>(Guid.NewGuid());
        var waiting = gate.WaitForOpenAsync();
        var ordinary = gate.IsOpenAsync();

        await gate.OpenAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("passed", await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(await ordinary, "the ordinary call waited for the turn, so it saw the gate open");
    }

    [Fact]
    public async Task CallChainBackIntoABusyGrain_OvertakesCallsWaitingThere()
    {
        var a = _silo.Client.GetGrain<IPingGrain>($"a-{Guid.NewGuid()}");
        var chain = a.StartAsync($"b-{Guid.NewGuid()}");
        var others = Enumerable.Range(0, 5).Select(i => a.EchoAsync($"caller {i}")).ToArray();

        await chain.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(others).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task StatelessWorker_SpreadsConcurrentCallsOverSeveralActivations_UpToItsLimit()
    {
        var worker = _silo.Client.GetGrain<IWorkerGrain>(0);

        var handledBy = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => worker.WorkAsync()));

        Assert.InRange(handledBy.Distinct().Count(), 2, 4);
    }
}

public sealed class DelayDeactivationTests
{
    [Fact]
    public async Task DelayDeactivation_KeepsAnIdleGrainPastItsCollectionAge()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await TestSilo.StartAsync(clock: clock);
        var kept = silo.Client.GetGrain<IKeepAliveGrain>(Random.Shared.NextInt64());
        var plain = silo.Client.GetGrain<IKeepAliveGrain>(Random.Shared.NextInt64());
        await kept.KeepAliveAsync(TimeSpan.FromHours(1));
        await plain.KeepAliveAsync(TimeSpan.Zero);

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(1, await kept.KeepAliveAsync(TimeSpan.Zero));
        Assert.Equal(2, await plain.KeepAliveAsync(TimeSpan.Zero));
    }
}
