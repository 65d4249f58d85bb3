using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Grains.Dispatch.Routes;

/// <summary>
/// The technician's last few minutes of positions on the drive to the job under way, to measure their
/// <see cref="LivePace"/>. It measures progress, not speed: how much of the model's drive time to the job they got
/// through, so a detour, a one-way system or a fast ring road are judged by what they gained, not by the speedometer.
/// Kept in memory by the route grain: after a restart it fills again from the next few minutes of positions, and
/// until then the model alone times the drive.
/// </summary>
public sealed class ProgressWindow
{
    private readonly List<(DateTimeOffset At, GeoPoint Position)> _fixes = [];
    private string? _ticketId;
    private GeoPoint _destination;

    /// <summary>A new position (fixes come in time order) on the drive to <paramref name="ticketId"/>; another job starts the window afresh.</summary>
    public void Observe(string ticketId, GeoPoint destination, GeoPoint position, DateTimeOffset at)
    {
        if (ticketId != _ticketId || destination != _destination) Clear();
        _ticketId = ticketId;
        _destination = destination;
        _fixes.Add((at, position));
        _fixes.RemoveAll(f => f.At < at - LivePacePolicy.Window);
    }

    /// <summary>Not driving to a job: nothing to measure until the next drive begins.</summary>
    public void Clear()
    {
        _fixes.Clear();
        _ticketId = null;
    }

    /// <summary>The pace over the window, or null while it is too short or too sparse to say anything.</summary>
    public LivePace? Measure(ITravelTimeService travel)
    {
        if (_ticketId is null || _fixes.Count < LivePacePolicy.MinimumFixes) return null;
        var (firstAt, first) = _fixes[0];
        var (lastAt, last) = _fixes[^1];
        if (lastAt - firstAt < LivePacePolicy.MinimumSpan) return null;

        // Both leaving at the same moment: a time-of-day factor changing between the two would otherwise pass for progress.
        var consumed = travel.Estimate(first, _destination, lastAt).Seconds - travel.Estimate(last, _destination, lastAt).Seconds;
        return new LivePace(_ticketId, LivePace.RatioOf(lastAt - firstAt, consumed));
    }
}
