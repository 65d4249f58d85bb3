using Orleans;
using Orleans.Hosting;
using Orleans.Configuration;
using OrleansPortal.Silo.Tests.Grains;
using OrleansPortal.Testing;

namespace OrleansPortal.Silo.Tests.Runtime;

public sealed class TurnTests : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await TestSilo.StartAsync(s => s.AddMemoryGrainStorageAsDefault());

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task NonReentrantGrain_NeverRunsTwoTurnsAtOnce()
    {
        var grain = _silo.Client.GetGrain<ITurnProbeGrain>(Guid.NewGuid());

        await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => Task.Run(() => grain.WorkAsync())));

        Assert.Equal(1, await grain.MaxOverlapAsync());
    }

    [Fact]
    public async Task ReadOnlyCalls_InterleaveWithEachOther()
    {
        var grain = _silo.Client.GetGrain<ITurnProbeGrain>(Guid.NewGuid());

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.ReadAsync()));

        Assert.True(await grain.MaxOverlapAsync() > 1, "read-only requests should have overlapped at their awaits");
    }

    [Fact]
    public async Task ReentrantGrain_InterleavesRequestsButNeverRunsCodeInParallel()
    {
        var grain = _silo.Client.GetGrain<IReentrantProbeGrain>(Guid.NewGuid());

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => grain.WorkAsync())));

        Assert.True(results.Max(r => r.MaxRequestsInFlight) > 1, "a reentrant grain should interleave requests");
        Assert.Equal(1, results.Max(r => r.MaxThreadsInside));
    }

    [Fact]
    public async Task CallChain_AToBToA_Completes()
    {
        var a = _silo.Client.GetGrain<IPingGrain>($"a-{Guid.NewGuid()}");
        var b = $"b-{Guid.NewGuid()}";

        var answer = await a.StartAsync(b).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal($"{a.GetPrimaryKeyString()} heard {b}", answer);
    }

    [Fact]
    public async Task GrainException_ReachesTheCallerWithItsOwnType()
    {
        var grain = _silo.Client.GetGrain<IBehaviourGrain>(Random.Shared.NextInt64());

        var rejected = await Assert.ThrowsAsync<OrderRejectedException>(() => grain.ThrowAsync("no stock"));
        Assert.Equal("no stock", rejected.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowSynchronously());
    }

    [Fact]
    public async Task ValueTaskMethods_ReturnTheirResult()
    {
        var grain = _silo.Client.GetGrain<IBehaviourGrain>(Random.Shared.NextInt64());

        Assert.Equal(42, await grain.ValueTaskAsync(21));
    }

    [Fact]
    public async Task GrainReferences_ToTheSameGrainAreEqual()
    {
        var key = Guid.NewGuid();

        Assert.Equal(_silo.Client.GetGrain<ITurnProbeGrain>(key), _silo.Client.GetGrain<ITurnProbeGrain>(key));
        Assert.NotEqual(_silo.Client.GetGrain<ITurnProbeGrain>(key), _silo.Client.GetGrain<ITurnProbeGrain>(Guid.NewGuid()));
        Assert.Equal(key, _silo.Client.GetGrain<ITurnProbeGrain>(key).GetPrimaryKey());
        await Task.CompletedTask;
    }
}

public sealed class TimeoutTests
{
    [Fact]
    public async Task CallThatOutlivesTheResponseTimeout_FailsWithTimeoutException()
    {
        await using var silo = await TestSilo.StartAsync(s => s.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMilliseconds(300)));
        var grain = silo.Client.GetGrain<IBehaviourGrain>(Random.Shared.NextInt64());

        var error = await Assert.ThrowsAsync<TimeoutException>(() => grain.DelayAsync(TimeSpan.FromSeconds(20)));

        Assert.Contains("DelayAsync", error.Message);
    }

    [Fact]
    public async Task CallQueuedBehindASlowCall_AlsoTimesOut()
    {
        await using var silo = await TestSilo.StartAsync(s => s.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMilliseconds(300)));
        var grain = silo.Client.GetGrain<IBehaviourGrain>(Random.Shared.NextInt64());

        var slow = grain.DelayAsync(TimeSpan.FromSeconds(20));
        var queued = grain.ValueTaskAsync(1).AsTask();

        await Assert.ThrowsAsync<TimeoutException>(() => queued);
        await Assert.ThrowsAsync<TimeoutException>(() => slow);
    }
}
