using Orleans.Timers;

namespace Orleans.Runtime;

internal sealed partial class ActivationData
{
    private readonly List<GrainTimer> _timers = [];

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer(this, callback, options);
        lock (_lock) _timers.Add(timer);
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock) _timers.Remove(timer);
    }

    /// <summary>Queues a message that belongs to this activation only; false when the activation is no longer accepting work.</summary>
    public bool EnqueueLocal(Message message)
    {
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid) return false;
        }

        return Enqueue(message);
    }

    private void StopTimers()
    {
        GrainTimer[] timers;
        lock (_lock) timers = [.. _timers];
        foreach (var timer in timers) timer.Dispose();
    }
}
