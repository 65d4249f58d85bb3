namespace Orleans.Runtime;

// The activation is its own SynchronizationContext. Grain code runs with it as the current context, so every
// await in grain code posts its continuation back here, and this queue runs one item at a time on the thread
// pool. That is what makes "one turn at a time, no locks in grain code" hold even for reentrant grains whose
// requests interleave at await points. ConfigureAwait(false) in grain code escapes it, as in Orleans.
internal sealed partial class ActivationData : SynchronizationContext, IThreadPoolWorkItem
{
    private const int MaxItemsPerSlice = 64;

    [ThreadStatic] private static int t_depth;

    private readonly Queue<(SendOrPostCallback Callback, object? State)> _work = new();
    private bool _executing;

    public override void Post(SendOrPostCallback d, object? state)
    {
        bool schedule;
        lock (_lock)
        {
            _work.Enqueue((d, state));
            schedule = !_executing;
            _executing = true;
        }

        if (schedule) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Blocking on a grain's own context would deadlock its single turn: refuse it.</summary>
    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send on a grain activation's context would deadlock; await instead.");

    public override SynchronizationContext CreateCopy() => this;

    void IThreadPoolWorkItem.Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        t_depth++;
        try
        {
            for (var n = 0; n < MaxItemsPerSlice; n++)
            {
                (SendOrPostCallback Callback, object? State) item;
                lock (_lock)
                {
                    if (!_work.TryDequeue(out item))
                    {
                        _executing = false;
                        return;
                    }
                }

                RunWorkItem(item.Callback, item.State);
            }

            // Yield the thread after a slice so one busy activation cannot starve the others.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        finally
        {
            t_depth--;
            SetSynchronizationContext(previous);
        }
    }

    private void RunWorkItem(SendOrPostCallback callback, object? state)
    {
        try
        {
            callback(state);
        }
        catch (Exception ex) // The scheduler is a fault boundary: one bad item must not kill the thread or the queue.
        {
            Runtime.Log.WorkItemFailed(GrainId, ex);
        }
    }

    /// <summary>Takes the execution slot for running a call on the caller's own thread; true when the queue was idle.</summary>
    private bool TryEnterInlineLocked()
    {
        if (_executing || _work.Count > 0 || t_depth >= Runtime.Options.MaxInlineDepth) return false;
        _executing = true;
        return true;
    }

    private void ExitInline()
    {
        bool schedule;
        lock (_lock)
        {
            schedule = _work.Count > 0;
            _executing = schedule;
        }

        if (schedule) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }
}
