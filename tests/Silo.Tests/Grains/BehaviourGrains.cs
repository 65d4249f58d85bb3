using System.Collections.Concurrent;
using Orleans;

namespace OrleansPortal.Silo.Tests.Grains;

public sealed class OrderRejectedException(string reason) : Exception(reason);

public interface IBehaviourGrain : IGrainWithIntegerKey
{
    Task DelayAsync(TimeSpan delay);

    Task ThrowAsync(string reason);

    Task<int> ThrowSynchronously();

    ValueTask<int> ValueTaskAsync(int x);

    Task<int> ActivationCountAsync();

    Task DeactivateAsync();
}

/// <summary>Records activations and deactivations per key so tests can see the lifecycle from outside.</summary>
public sealed class BehaviourGrain : Grain, IBehaviourGrain
{
    public static readonly ConcurrentDictionary<long, int> Activations = new();
    public static readonly ConcurrentDictionary<long, DeactivationReasonCode> Deactivations = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Activations.AddOrUpdate(this.GetPrimaryKeyLong(), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Deactivations[this.GetPrimaryKeyLong()] = reason.ReasonCode;
        return Task.CompletedTask;
    }

    public Task DelayAsync(TimeSpan delay) => Task.Delay(delay);

    public async Task ThrowAsync(string reason)
    {
        await Task.Yield();
        throw new OrderRejectedException(reason);
    }

    public Task<int> ThrowSynchronously() => throw new InvalidOperationException("thrown before any await");

    public ValueTask<int> ValueTaskAsync(int x) => ValueTask.FromResult(x * 2);

    public Task<int> ActivationCountAsync() => Task.FromResult(Activations.GetValueOrDefault(this.GetPrimaryKeyLong()));

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
