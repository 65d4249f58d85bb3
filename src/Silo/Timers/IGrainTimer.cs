namespace Orleans.Timers;

/// <summary>A grain timer: ticks are turns of the grain that registered it; disposing stops it; it dies with the activation.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Reschedules the next tick after <paramref name="dueTime"/> and the ones after every <paramref name="period"/>.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
