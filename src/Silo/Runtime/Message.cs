namespace Orleans.Runtime;

/// <summary>
/// One unit of work for an activation that goes through admission: a grain call, a timer tick, a stream event.
/// The activation starts it when its turn rules allow (<see cref="ActivationData"/>), and reports the outcome
/// through <see cref="SetCompleted"/>.
/// </summary>
internal abstract class Message(long chainId, long deadline)
{
    /// <summary>The activation that admitted this message.</summary>
    public ActivationData? Target { get; set; }

    /// <summary>Identifies the call chain this message belongs to; a chain may re-enter an activation it is already running in.</summary>
    public long ChainId { get; } = chainId;

    /// <summary>Timestamp (of the silo's TimeProvider) after which a caller still waiting gets a TimeoutException; long.MaxValue for never.</summary>
    public long Deadline { get; } = deadline;

    /// <summary>Set by the timeout sweep once the caller has been told; the work may still run to completion.</summary>
    public bool TimedOut { get; set; }

    public virtual bool IsAlwaysInterleave => false;

    public virtual bool IsReadOnly => false;

    /// <summary>Whether handling this message keeps the activation from being collected as idle.</summary>
    public virtual bool KeepsAlive => true;

    /// <summary>Whether the message goes to the grain's next activation when this one deactivates before running it.</summary>
    public virtual bool FollowsGrain => true;

    /// <summary>Runs the grain code; the returned task completes when the grain has handled the message.</summary>
    public abstract Task Invoke(ActivationData activation);

    public abstract void SetCompleted(Task grainTask);

    public abstract void SetFailed(Exception exception);

    /// <summary>A short description for logs and timeout messages, e.g. "counter/7.IncrementAsync".</summary>
    public abstract string Describe();
}
