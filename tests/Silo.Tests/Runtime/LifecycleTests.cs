using Orleans;
using Orleans.Hosting;
using Orleans.Configuration;
using OrleansPortal.Silo.Tests.Grains;
using OrleansPortal.Silo.Tests.Infrastructure;
using OrleansPortal.Testing;

namespace OrleansPortal.Silo.Tests.Runtime;

public sealed class LifecycleTests
{
    [Fact]
    public async Task IdleGrain_IsCollectedAfterItsCollectionAge()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await TestSilo.StartAsync(clock: clock);
        var key = Random.Shared.NextInt64();
        var grain = silo.Client.GetGrain<IBehaviourGrain>(key);
        Assert.Equal(1, await grain.ActivationCountAsync());

        clock.Advance(TimeSpan.FromMinutes(16));

        await Eventually.TrueAsync(() => BehaviourGrain.Deactivations.ContainsKey(key), "the idle grain is deactivated");
        Assert.Equal(DeactivationReasonCode.ActivationIdle, BehaviourGrain.Deactivations[key]);
        Assert.Equal(2, await grain.ActivationCountAsync());
    }

    [Fact]
    public async Task GrainUsedRecently_IsNotCollected()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await TestSilo.StartAsync(clock: clock);
        var key = Random.Shared.NextInt64();
        var grain = silo.Client.GetGrain<IBehaviourGrain>(key);
        await grain.ActivationCountAsync();

        clock.Advance(TimeSpan.FromMinutes(10));
        await grain.ActivationCountAsync();
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(1, await grain.ActivationCountAsync());
        Assert.False(BehaviourGrain.Deactivations.ContainsKey(key));
    }

    [Fact]
    public async Task CollectionAge_IsConfigurablePerGrainClass()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await TestSilo.StartAsync(
            s => s.Configure<GrainCollectionOptions>(o => o.ClassSpecificCollectionAge[typeof(BehaviourGrain).FullName!] = TimeSpan.FromMinutes(2)),
            clock);
        var key = Random.Shared.NextInt64();
        await silo.Client.GetGrain<IBehaviourGrain>(key).ActivationCountAsync();

        clock.Advance(TimeSpan.FromMinutes(3));

        await Eventually.TrueAsync(() => BehaviourGrain.Deactivations.ContainsKey(key), "the grain with a 2-minute age is collected");
    }

    [Fact]
    public async Task DeactivateOnIdle_EndsTheActivationAfterTheCall()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Random.Shared.NextInt64();
        var grain = silo.Client.GetGrain<IBehaviourGrain>(key);

        await grain.DeactivateAsync();

        await Eventually.TrueAsync(() => BehaviourGrain.Deactivations.ContainsKey(key), "the grain deactivates");
        Assert.Equal(DeactivationReasonCode.ApplicationRequested, BehaviourGrain.Deactivations[key]);
        Assert.Equal(2, await grain.ActivationCountAsync());
    }

    [Fact]
    public async Task GrainTimer_TicksNeverOverlap_AndStopWhenDisposed()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Client.GetGrain<ITimerGrain>(Guid.NewGuid());

        await grain.StartAsync(period: TimeSpan.FromMilliseconds(2), tickDuration: TimeSpan.FromMilliseconds(15));
        await Eventually.TrueAsync(() => grain.StatsAsync().Result.Ticks >= 5, "the timer has ticked five times");
        await grain.StopAsync();
        var (ticks, maxOverlap) = await grain.StatsAsync();

        Assert.Equal(1, maxOverlap);
        await Task.Delay(100);
        Assert.InRange((await grain.StatsAsync()).Ticks, ticks, ticks + 1);
    }

    [Fact]
    public async Task StoppingTheSilo_DeactivatesItsGrains()
    {
        var key = Random.Shared.NextInt64();
        var silo = await TestSilo.StartAsync();
        await silo.Client.GetGrain<IBehaviourGrain>(key).ActivationCountAsync();

        await silo.DisposeAsync();

        Assert.Equal(DeactivationReasonCode.ShuttingDown, BehaviourGrain.Deactivations[key]);
    }
}
