using Orleans.Storage;

namespace Orleans.Runtime;

/// <summary>
/// One activation of a grain: the grain object, its message admission and its turn scheduler.
/// Concurrency: every field below is guarded by <c>_lock</c>; grain code itself never runs under the lock.
/// Admission rule: a message starts when nothing runs, or the grain class is [Reentrant], or the method is
/// [AlwaysInterleave], or it and everything running are [ReadOnly], or it belongs to a call chain already
/// running here (so A -> B -> A completes instead of deadlocking).
/// </summary>
internal sealed partial class ActivationData
{
    private readonly object _lock = new();
    private readonly LinkedList<Message> _waiting = new();
    private readonly List<Message> _runningAsync = [];
    private readonly List<long> _runningChains = [];
    private int _running;
    private int _runningWriters;
    private ActivationState _state = ActivationState.Activating;
    private long _lastActivity;
    private long _keepAliveUntil;
    private bool _deactivateOnIdle;
    private DeactivationReason _deactivationReason;

    public ActivationData(SiloRuntime runtime, GrainId grainId, GrainClassInfo classInfo)
    {
        Runtime = runtime;
        GrainId = grainId;
        ClassInfo = classInfo;
        _lastActivity = runtime.TimeProvider.GetTimestamp();
    }

    public SiloRuntime Runtime { get; }

    public GrainId GrainId { get; }

    public GrainClassInfo ClassInfo { get; }

    /// <summary>The grain object; null until the activation has constructed it.</summary>
    public object? GrainInstance { get; private set; }

    public int WaitingCount { get { lock (_lock) return _waiting.Count; } }

    /// <summary>True while no message runs or waits: the activation could take a call inline right now.</summary>
    public bool IsIdle { get { lock (_lock) return _state == ActivationState.Valid && _running == 0 && _waiting.Count == 0; } }

    /// <summary>
    /// Runs the call on the caller's thread when the activation is idle and admission allows, which saves a
    /// thread-pool hop per call. Returns null when the call must be queued instead.
    /// </summary>
    public Task? TryInvokeInline<T>(MethodSpec<T> spec, object?[] args, long chainId)
    {
        lock (_lock)
        {
            if (!CanAdmit(chainId, spec.IsAlwaysInterleave, spec.IsReadOnly)) return null;
            if (!TryEnterInlineLocked()) return null;
            Admit(chainId, spec.IsReadOnly);
            _lastActivity = Runtime.TimeProvider.GetTimestamp();
        }

        Task task;
        var previousContext = SynchronizationContext.Current;
        var previousCall = CallContext.Current;
        SynchronizationContext.SetSynchronizationContext(this);
        CallContext.Current = new CallContext(this, chainId);
        t_depth++;
        try
        {
            task = spec.InvokeOnGrain(GrainInstance!, args);
        }
        catch (Exception ex) // A grain method that throws before returning a task: the caller gets it as a faulted task.
        {
            task = spec.FromException(ex);
        }
        finally
        {
            t_depth--;
            CallContext.Current = previousCall;
            SynchronizationContext.SetSynchronizationContext(previousContext);
        }

        ExitInline();
        if (task.IsCompleted)
        {
            Release(chainId, spec.IsReadOnly, task, keepsAlive: true, tracked: null);
            return task;
        }

        var request = new Request<T>(spec, args, chainId, Runtime.DeadlineFor(Runtime.Options.ResponseTimeout)) { Target = this };
        lock (_lock) _runningAsync.Add(request);
        request.TrackGrainTask(task);
        return request.Task;
    }

    /// <summary>Accepts a message for this activation. False when the activation is gone and the caller must look the grain up again.</summary>
    public bool Enqueue(Message message)
    {
        bool start;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid) return false;
            message.Target = this;
            if (message.KeepsAlive) _lastActivity = Runtime.TimeProvider.GetTimestamp();
            // No "queue is empty" condition: a message that may interleave (same call chain, [AlwaysInterleave], ...)
            // must not wait behind messages that are themselves waiting for the running one, or they deadlock.
            // Ordinary messages still keep arrival order: whenever nothing runs, the waiting line is already admitted.
            start = CanAdmit(message.ChainId, message.IsAlwaysInterleave, message.IsReadOnly);
            if (start)
            {
                Admit(message.ChainId, message.IsReadOnly);
                _runningAsync.Add(message);
            }
            else
            {
                _waiting.AddLast(message);
            }
        }

        if (start) Post(StartCallback, message);
        return true;
    }

    private static readonly SendOrPostCallback StartCallback = static state =>
    {
        var message = (Message)state!;
        message.Target!.Start(message);
    };

    /// <summary>Runs on this activation's scheduler: starts the grain code for an admitted message.</summary>
    private void Start(Message message)
    {
        Task task;
        var previousCall = CallContext.Current;
        CallContext.Current = new CallContext(this, message.ChainId);
        try
        {
            task = message.Invoke(this);
        }
        catch (Exception ex) // Thrown before the grain returned a task: report it to the caller as the grain's failure.
        {
            task = Task.FromException(ex);
        }
        finally
        {
            CallContext.Current = previousCall;
        }

        if (task.IsCompleted) OnMessageDone(message, task);
        else task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => OnMessageDone(message, task));
    }

    internal void OnMessageDone(Message message, Task task)
    {
        Release(message.ChainId, message.IsReadOnly, task, message.KeepsAlive, message);
        message.SetCompleted(task);
    }

    private bool CanAdmit(long chainId, bool alwaysInterleave, bool readOnly)
    {
        if (_state != ActivationState.Valid) return false;
        if (_running == 0 || ClassInfo.IsReentrant || alwaysInterleave) return true;
        if (readOnly && _runningWriters == 0) return true;
        return _runningChains.Contains(chainId);
    }

    private void Admit(long chainId, bool readOnly)
    {
        _running++;
        if (!readOnly) _runningWriters++;
        _runningChains.Add(chainId);
    }

    /// <summary>Bookkeeping when a message's grain task has finished: frees its admission slot and starts what may run next.</summary>
    private void Release(long chainId, bool readOnly, Task task, bool keepsAlive, Message? tracked)
    {
        List<Message>? toStart = null;
        bool deactivate;
        lock (_lock)
        {
            _running--;
            if (!readOnly) _runningWriters--;
            _runningChains.Remove(chainId);
            if (tracked is not null) _runningAsync.Remove(tracked);
            if (keepsAlive) _lastActivity = Runtime.TimeProvider.GetTimestamp();
            if (task.IsFaulted && task.Exception!.InnerException is InconsistentStateException)
            {
                // Our view of the stored state is stale: drop this activation so the next call reads it afresh.
                RequestDeactivationLocked(new(DeactivationReasonCode.ApplicationError, "stale state (InconsistentStateException)"));
            }

            toStart = AdmitWaitingLocked();
            deactivate = ShouldStartDeactivationLocked();
        }

        if (toStart is not null) foreach (var m in toStart) Post(StartCallback, m);
        if (deactivate) BeginDeactivation();
    }

    /// <summary>Moves every waiting message that admission now allows into the running set, in arrival order.</summary>
    private List<Message>? AdmitWaitingLocked()
    {
        List<Message>? admitted = null;
        for (var node = _waiting.First; node is not null;)
        {
            var next = node.Next;
            var m = node.Value;
            if (CanAdmit(m.ChainId, m.IsAlwaysInterleave, m.IsReadOnly))
            {
                _waiting.Remove(node);
                Admit(m.ChainId, m.IsReadOnly);
                _runningAsync.Add(m);
                (admitted ??= []).Add(m);
            }
            node = next;
        }

        return admitted;
    }
}
