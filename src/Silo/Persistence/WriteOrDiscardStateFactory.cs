using Orleans.Runtime;

namespace OrleansPortal.Silo.Persistence;

/// <summary>
/// Makes "a write that failed leaves nothing applied" hold for every grain by construction. Grains change their state
/// in memory and then write it; when the write throws, the change would otherwise stay in the activation, visible to
/// the next call and saved by the next write that succeeds (with the failed change's audit entry in it). So every
/// <see cref="IPersistentState{TState}"/> Orleans creates is wrapped: after a write or clear fails, the activation is
/// deactivated, so the next call gets a fresh activation that reads what storage really holds, and the wrapped state
/// refuses every later write, so nothing on the way out (an interleaved call, an <c>OnDeactivateAsync</c> that saves)
/// can store the discarded change either. A write whose connection broke after it was sent may have been applied
/// (<see cref="WriteOutcome"/>): storage is read again to find out, and the caller is told the truth, or, when storage
/// cannot be asked, that the outcome is unknown (<see cref="StorageOutcomeUnknownException"/>).
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

    public Task WriteStateAsync() => GuardAsync(inner.WriteStateAsync, resolvable: true);

    public Task ClearStateAsync() => GuardAsync(inner.ClearStateAsync, resolvable: false);

    private async Task GuardAsync(Func<Task> write, bool resolvable)
    {
        if (_failedWrite is not null)
            throw new StateDiscardedException(stateName);
        var etagBefore = inner.Etag;
        try
        {
            await write();
        }
        catch (Exception ex)
        {
            // Replaced in any case: the next call reads what storage really holds. The reason carries no exception:
            // Orleans answers the calls queued behind a deactivation with its reason's exception, so the next caller
            // (a read, a retry) would get this write's failure instead of being served by the new activation.
            grain.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, $"writing state '{stateName}' failed: {ex.GetBaseException().Message}"));
            if (resolvable && WriteOutcome.MayHaveBeenApplied(ex))
            {
                switch (await AskStorageAsync(etagBefore))
                {
                    case true: return; // it was stored: the caller's change is durable, and answering an error would be false
                    case null:
                        _failedWrite = ex;
                        throw new StorageOutcomeUnknownException($"Writing state '{stateName}' failed after it was sent ({ex.GetBaseException().Message}), and storage could not be asked whether it was applied.");
                }
            }

            _failedWrite = ex;
            throw;
        }
    }

    /// <summary>
    /// After a write whose outcome is unknown: whether storage holds it (its version moved on from the one this
    /// activation wrote over; no other activation writes this grain's state), or null if storage cannot be read within
    /// a few seconds. Reading replaces the in-memory state with the stored one, which is right either way: the write's
    /// own state if it was applied, the previous one if not.
    /// </summary>
    private async Task<bool?> AskStorageAsync(string? etagBefore)
    {
        for (var attempt = 0; attempt < ResolveAttempts; attempt++)
        {
            try
            {
                await inner.ReadStateAsync();
                return inner.Etag != etagBefore;
            }
            catch (Exception)
            {
                await Task.Delay(ResolveDelay);
            }
        }

        return null;
    }

    // About 5 s in all: a database that restarts (a crash, a failover) is usually back by then; the caller waits that long.
    private const int ResolveAttempts = 10;
    private static readonly TimeSpan ResolveDelay = TimeSpan.FromMilliseconds(500);
}

/// <summary>A write refused because an earlier write of the same state failed in this activation, which is going away.</summary>
[GenerateSerializer, Alias("op.StateDiscardedException")]
public sealed class StateDiscardedException(string stateName)
    : InvalidOperationException($"State '{stateName}' is discarded: an earlier write of it failed, and the activation is being replaced.");
