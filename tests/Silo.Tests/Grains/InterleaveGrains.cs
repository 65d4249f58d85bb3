using Orleans;
using Orleans.Concurrency;

namespace OrleansPortal.Silo.Tests.Grains;

public interface IGateGrain : IGrainWithGuidKey
{
    /// <summary>Holds the grain's turn until <see cref="OpenAsync"/> is called.</summary>
    Task<string> WaitForOpenAsync();

    /// <summary>Allowed to interleave: it can open the gate while WaitForOpenAsync holds the turn.</summary>
    [AlwaysInterleave]
    Task OpenAsync();

    /// <summary>An ordinary call: it waits for the turn.</summary>
    Task<bool> IsOpenAsync();
}

public sealed class GateGrain : Grain, IGateGrain
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<string> WaitForOpenAsync()
    {
        await _open.Task;
        return "passed";
    }

    public Task OpenAsync()
    {
        _open.TrySetResult();
        return Task.CompletedTask;
    }

    public Task<bool> IsOpenAsync() => Task.FromResult(_open.Task.IsCompleted);
}

public interface IWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Waits a little and reports which activation handled the call.</summary>
    Task<Guid> WorkAsync();
}

[StatelessWorker(4)]
public sealed class WorkerGrain : Grain, IWorkerGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public async Task<Guid> WorkAsync()
    {
        await Task.Delay(20);
        return _activationId;
    }
}

public interface IKeepAliveGrain : IGrainWithIntegerKey
{
    Task<int> KeepAliveAsync(TimeSpan span);
}

public sealed class KeepAliveGrain : Grain, IKeepAliveGrain
{
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<long, int> Activations = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Activations.AddOrUpdate(this.GetPrimaryKeyLong(), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task<int> KeepAliveAsync(TimeSpan span)
    {
        if (span > TimeSpan.Zero) DelayDeactivation(span);
        return Task.FromResult(Activations[this.GetPrimaryKeyLong()]);
    }
}
