using Orleans.Runtime;
using Orleans.Timers;

namespace Orleans;

/// <summary>
/// Base class of every grain. The runtime constructs grains (never <c>new</c> one yourself), then reads their
/// persistent state, then calls <see cref="OnActivateAsync"/>. Grain code runs one turn at a time; see
/// docs/runtime.md for the exact interleaving rules.
/// </summary>
public abstract class Grain : IAddressable
{
    protected Grain()
    {
        Activation = ActivationData.Constructing
            ?? throw new InvalidOperationException("Grains are created by the runtime; get a reference with IGrainFactory.GetGrain instead.");
    }

    internal ActivationData Activation { get; }

    public GrainId GrainId => Activation.GrainId;

    public IGrainFactory GrainFactory => Activation.Runtime.GrainFactory;

    public IServiceProvider ServiceProvider => Activation.Runtime.Services;

    /// <summary>Runs once per activation after persistent state has been read, before any call is delivered.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once when the activation is collected or dropped; timers are already stopped. Not called if the process dies.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation as soon as the current call (and any already running) completes.</summary>
    protected void DeactivateOnIdle() => Activation.DeactivateOnIdle();

    /// <summary>Keeps this activation from being collected for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => Activation.DelayDeactivation(timeSpan);

    /// <summary>
    /// Calls <paramref name="callback"/> after <paramref name="dueTime"/>, then every <paramref name="period"/> after the
    /// previous tick has finished (ticks never overlap). Each tick is a turn; the timer ends with the activation.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        Activation.RegisterTimer(callback, options);

    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options) =>
        Activation.RegisterTimer(ct => callback(state, ct), options);

    /// <summary>Creates or replaces a durable reminder: it survives deactivation and restarts, and wakes this grain (which must implement IRemindable).</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);

    protected Task<IGrainReminder?> GetReminder(string reminderName) => Activation.Runtime.Reminders.GetAsync(GrainId, reminderName);

    protected Task UnregisterReminder(IGrainReminder reminder) => Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder);
}
