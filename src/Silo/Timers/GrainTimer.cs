using Orleans.Runtime;

namespace Orleans.Timers;

/// <summary>
/// A grain timer. The next tick is scheduled only after the previous tick's turn has finished, so ticks never
/// overlap however long a callback takes.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly GrainTimerCreationOptions _options;
    private readonly CancellationTokenSource _stopped = new();
    private readonly ITimer _timer;
    private TimeSpan _period;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        _activation = activation;
        _callback = callback;
        _options = options;
        _period = options.Period;
        _timer = activation.Runtime.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).OnDue(), this, options.DueTime, Timeout.InfiniteTimeSpan);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        _period = period;
        if (!_stopped.IsCancellationRequested) _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        if (_stopped.IsCancellationRequested) return;
        _stopped.Cancel();
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    private void OnDue()
    {
        if (_stopped.IsCancellationRequested) return;
        if (!_activation.EnqueueLocal(new Tick(this))) Dispose();
    }

    private void OnTickDone(Task task)
    {
        if (task.IsFaulted) _activation.Runtime.Log.TimerTickFailed(_activation.GrainId, task.Exception!.InnerException!);
        if (!_stopped.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan) _timer.Change(_period, Timeout.InfiniteTimeSpan);
    }

    /// <summary>One tick as a message: it waits its turn like a call (unless Interleave) and never follows the grain to a new activation.</summary>
    private sealed class Tick(GrainTimer timer) : Message(CallContext.NewChainId(), long.MaxValue)
    {
        public override bool IsAlwaysInterleave => timer._options.Interleave;

        public override bool KeepsAlive => timer._options.KeepAlive;

        public override bool FollowsGrain => false;

        public override Task Invoke(ActivationData activation) =>
            timer._stopped.IsCancellationRequested ? Task.CompletedTask : timer._callback(timer._stopped.Token);

        public override void SetCompleted(Task grainTask) => timer.OnTickDone(grainTask);

        public override void SetFailed(Exception exception) { }

        public override string Describe() => $"{timer._activation.GrainId} timer tick";
    }
}
