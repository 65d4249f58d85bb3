namespace OrleansPortal.Grains.Technicians.History;

/// <summary>
/// Pending <see cref="IPingHistory.FlushAsync"/> calls. Pings carry sequence numbers in queue order, and the writer
/// settles them in that order, so "everything up to N is settled" is a single number that only grows.
/// Thread-safe: callers register from any thread, the writer settles.
/// </summary>
internal sealed class FlushTracker
{
    private readonly Lock gate = new();
    private readonly List<(long Target, TaskCompletionSource Done)> waiters = [];
    private long settled;
    private int waiting;
    private Exception? failure;

    /// <summary>Whether a flush is waiting, so the writer should not linger for a fuller batch.</summary>
    public bool AnyWaiting => Volatile.Read(ref waiting) > 0;

    /// <summary>Completes once every ping up to <paramref name="target"/> is settled; fails if the writer stopped short of it.</summary>
    public Task WaitAsync(long target)
    {
        lock (gate)
        {
            if (settled >= target) return Task.CompletedTask;
            if (failure is not null) return Task.FromException(failure);
            // Completed under the lock by the writer: continuations must not run there.
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((target, done));
            waiting = waiters.Count;
            return done.Task;
        }
    }

    /// <summary>Every ping up to <paramref name="sequence"/> is stored or was dropped.</summary>
    public void Settle(long sequence)
    {
        lock (gate)
        {
            settled = sequence;
            waiters.RemoveAll(waiter =>
            {
                if (waiter.Target > sequence) return false;
                waiter.Done.TrySetResult();
                return true;
            });
            waiting = waiters.Count;
        }
    }

    /// <summary>The writer stopped for good: pending and future flushes beyond what was settled fail with <paramref name="exception"/>.</summary>
    public void Fail(Exception exception)
    {
        lock (gate)
        {
            failure = exception;
            foreach (var waiter in waiters) waiter.Done.TrySetException(exception);
            waiters.Clear();
            waiting = 0;
        }
    }
}
