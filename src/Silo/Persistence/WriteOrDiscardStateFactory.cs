using Orleans.Runtime;

namespace OrleansPortal.Silo.Persistence;

/// <summary>
/// Makes "a write that failed leaves nothing applied" hold for every grain by construction. Grains change their state
/// in memory and then write it; when the write throws, the change would otherwise stay in the activation, visible to
/// the next call and saved by the next write that succeeds (with the failed change's audit entry in it). So every
/// <see cref="IPersistentState{TState}"/> Orleans creates is wrapped: after a write or clear fails, the activation is
/// deactivated, so the next call gets a fresh activation that reads what storage really holds, and the wrapped state
/// refuses every later write, so nothing on the way out (an interleaved call, an <c>OnDeactivateAsync</c> that saves)
/// can store the discarded change either.
/// </summary>
public sealed class WriteOrDiscardStateFactory(PersistentStateFactory inner) : IPersistentStateFactory
{
    public IPersistentState<TState> Create<TState>(IGrainContext context, IPersistentStateConfiguration config) =>
        new WriteOrDiscardState<TState>(inner.Create<TState>(context, config), context, config.StateName);
}

/// <summary>One grain's state, discarded with its activation once a write of it has failed.</summary>
internal sealed class WriteOrDiscardState<TState>(IPersistentState<TState> inner, IGrainContext grain, string stateName) : IPersistentState<TState>
{
    private Exception? _failedWrite;

    public TState State
    {
        get => inner.State;
        set => inner.State = value;
    }

    public string? Etag => inner.Etag;

    public bool RecordExists => inner.RecordExists;

    public Task ReadStateAsync() => inner.ReadStateAsync();

    public Task WriteStateAsync() => GuardAsync(inner.WriteStateAsync);

    public Task ClearStateAsync() => GuardAsync(inner.ClearStateAsync);

    private async Task GuardAsync(Func<Task> write)
    {
        if (_failedWrite is not null)
            throw new StateDiscardedException(stateName, _failedWrite);
        try
        {
            await write();
        }
        catch (Exception ex)
        {
            _failedWrite = ex;
            grain.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, ex, $"writing state '{stateName}' failed: its change is discarded"));
            throw;
        }
    }
}

/// <summary>A write refused because an earlier write of the same state failed in this activation, which is going away.</summary>
public sealed class StateDiscardedException(string stateName, Exception failedWrite)
    : InvalidOperationException($"State '{stateName}' is discarded: an earlier write of it failed, and the activation is being replaced.", failedWrite);
