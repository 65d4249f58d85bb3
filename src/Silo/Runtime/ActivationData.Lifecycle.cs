namespace Orleans.Runtime;

// Activation, deactivation, idle collection and call timeouts.
internal sealed partial class ActivationData
{
    /// <summary>The activation whose grain object is being constructed on this thread; the Grain base constructor reads it.</summary>
    [ThreadStatic] internal static ActivationData? Constructing;

    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IStateLoader> _states = [];

    /// <summary>Completes when the activation has left the catalog.</summary>
    public Task Deactivated => _deactivated.Task;

    public void Activate() => Post(static s => _ = ((ActivationData)s!).ActivateAsync(), this);

    private async Task ActivateAsync()
    {
        CallContext.Current = new CallContext(this, CallContext.NewChainId());
        try
        {
            GrainInstance = ClassInfo.CreateInstance(Runtime.Services, this);
            foreach (var state in _states) await state.LoadAsync();
            using var timeout = new CancellationTokenSource(Runtime.CollectionOptions.ActivationTimeout);
            await ((Grain)GrainInstance).OnActivateAsync(timeout.Token);
        }
        catch (Exception ex) // Activation failed: every waiting caller gets the grain's own exception.
        {
            Runtime.Log.ActivationFailed(GrainId, ex);
            foreach (var m in Retire()) m.SetFailed(ex);
            _deactivated.TrySetResult();
            return;
        }

        Runtime.Metrics.ActivationCreated();
        List<Message>? toStart;
        bool deactivate;
        lock (_lock)
        {
            _state = ActivationState.Valid;
            toStart = AdmitWaitingLocked();
            deactivate = ShouldStartDeactivationLocked();
        }

        if (toStart is not null) foreach (var m in toStart) Post(StartCallback, m);
        if (deactivate) BeginDeactivation();
    }

    internal void RegisterStateLoader(IStateLoader loader) => _states.Add(loader);

    public void DeactivateOnIdle()
    {
        bool start;
        lock (_lock)
        {
            _keepAliveUntil = 0;
            RequestDeactivationLocked(new(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle"));
            start = ShouldStartDeactivationLocked();
        }

        if (start) BeginDeactivation();
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        lock (_lock) _keepAliveUntil = Runtime.TimeProvider.GetTimestamp() + Runtime.Ticks(timeSpan);
    }

    /// <summary>Deactivates the activation if it has been idle at least its collection age; true when it started to.</summary>
    public bool TryCollect(long now, long ageTicks)
    {
        bool start;
        lock (_lock)
        {
            if (_state != ActivationState.Valid || _running > 0 || _waiting.Count > 0) return false;
            if (now - _lastActivity < ageTicks || now < _keepAliveUntil) return false;
            RequestDeactivationLocked(new(DeactivationReasonCode.ActivationIdle, "idle"));
            start = ShouldStartDeactivationLocked();
        }

        if (start) BeginDeactivation();
        return start;
    }

    /// <summary>Asks the activation to deactivate once its running calls finish; completes when it has.</summary>
    public Task DeactivateForShutdown()
    {
        bool start;
        lock (_lock)
        {
            RequestDeactivationLocked(new(DeactivationReasonCode.ShuttingDown, "silo shutting down"));
            start = ShouldStartDeactivationLocked();
        }

        if (start) BeginDeactivation();
        return Deactivated;
    }

    /// <summary>Takes the messages whose callers have waited past their deadline.</summary>
    public List<Message>? TakeExpired(long now)
    {
        List<Message>? expired = null;
        lock (_lock)
        {
            for (var node = _waiting.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Deadline <= now)
                {
                    _waiting.Remove(node);
                    (expired ??= []).Add(node.Value);
                }

                node = next;
            }

            foreach (var m in _runningAsync)
            {
                if (m.Deadline > now || m.TimedOut) continue;
                m.TimedOut = true;
                (expired ??= []).Add(m);
            }
        }

        return expired;
    }

    private void RequestDeactivationLocked(DeactivationReason reason)
    {
        if (_deactivateOnIdle) return;
        _deactivateOnIdle = true;
        _deactivationReason = reason;
    }

    private bool ShouldStartDeactivationLocked()
    {
        if (!_deactivateOnIdle || _state != ActivationState.Valid || _running > 0) return false;
        _state = ActivationState.Deactivating;
        return true;
    }

    private void BeginDeactivation() => Post(static s => _ = ((ActivationData)s!).DeactivateAsync(), this);

    private async Task DeactivateAsync()
    {
        StopTimers();
        ClearStreamHandlers();
        try
        {
            using var timeout = new CancellationTokenSource(Runtime.CollectionOptions.DeactivationTimeout);
            await ((Grain)GrainInstance!).OnDeactivateAsync(_deactivationReason, timeout.Token);
        }
        catch (Exception ex) // OnDeactivateAsync failing must not keep a dead activation in the catalog.
        {
            Runtime.Log.DeactivationFailed(GrainId, ex);
        }

        var orphans = Retire();
        Runtime.Metrics.ActivationDestroyed();
        Runtime.Log.Deactivated(GrainId, _deactivationReason.Description);
        foreach (var m in orphans) Runtime.Resend(m);
        _deactivated.TrySetResult();
    }

    /// <summary>
    /// Leaves the catalog and becomes invalid, under the lock so no caller can queue behind it afterwards;
    /// returns the messages that were still waiting, for the caller to fail or re-send.
    /// </summary>
    private List<Message> Retire()
    {
        lock (_lock)
        {
            Runtime.Catalog.Remove(this);
            _state = ActivationState.Invalid;
            List<Message> waiting = [.. _waiting];
            _waiting.Clear();
            return waiting;
        }
    }
}
