namespace Orleans.Timers;

/// <summary>How a grain timer ticks.</summary>
public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period)
{
    /// <summary>Ticks may interleave with calls (as [AlwaysInterleave] methods do). Default: a tick waits its turn.</summary>
    public bool Interleave { get; init; }

    /// <summary>Ticks count as activity and keep the activation from being collected. Default: they do not.</summary>
    public bool KeepAlive { get; init; }
}
