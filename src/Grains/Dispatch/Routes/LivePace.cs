namespace OrleansPortal.Grains.Dispatch.Routes;

/// <summary>
/// How the technician is driving to the job under way right now, against the travel-time model: wall time over the
/// model's drive time they got through in that time (1 = as modelled, 2 = twice as slow, stuck = <see cref="LivePacePolicy.Slowest"/>).
/// Measured by the route grain (<see cref="ProgressWindow"/>), applied by <see cref="EtaCalculator"/>.
/// </summary>
public sealed record LivePace(string TicketId, double Ratio)
{
    /// <summary>
    /// The pace from <paramref name="elapsed"/> wall time in which the model's remaining drive fell by
    /// <paramref name="modelSecondsConsumed"/>. No progress (or losing ground) is the slowest pace. Within
    /// <see cref="LivePacePolicy.Tolerance"/> of the model counts as the model: the model's own estimates along one
    /// drive are not exactly consistent (its routes and calibration bands change as the drive shortens), and that
    /// must not read as the technician's doing.
    /// </summary>
    public static double RatioOf(TimeSpan elapsed, double modelSecondsConsumed)
    {
        if (modelSecondsConsumed <= 0) return LivePacePolicy.Slowest;
        var log = Math.Log(elapsed.TotalSeconds / modelSecondsConsumed);
        var beyondTolerance = Math.Max(0, Math.Abs(log) - Math.Log(LivePacePolicy.Tolerance));
        return Math.Clamp(Math.Exp(Math.Sign(log) * beyondTolerance), LivePacePolicy.Fastest, LivePacePolicy.Slowest);
    }

    /// <summary>
    /// Wall seconds for a drive the model puts at <paramref name="modelSeconds"/>: the live pace holds at first and eases
    /// linearly back to the model's over <see cref="LivePacePolicy.Horizon"/>; after that the model alone. A jam seen
    /// now is likely to last a while, not for the whole drive (and a fast stretch of road does not make the next one
    /// fast), so the correction is worth at most the horizon's length: stuck, (1 - ln 4 / 3) × 10 min ≈ 5.4 minutes
    /// more; at the fastest pace ≈ 2.8 minutes less.
    /// </summary>
    public static double DriveSeconds(double modelSeconds, double ratio)
    {
        var horizon = LivePacePolicy.Horizon.TotalSeconds;
        var excess = ratio - 1;
        if (modelSeconds <= 0 || Math.Abs(excess) < 1e-9) return Math.Max(0, modelSeconds);

        // At wall time t the pace is r(t) = ratio - excess·t/H, so by t the model's drive is ∫ dt / r(t) = (H / excess)·ln(ratio / r(t)) through.
        var modelSecondsInHorizon = horizon / excess * Math.Log(ratio);
        if (modelSeconds >= modelSecondsInHorizon) return horizon + modelSeconds - modelSecondsInHorizon;
        var paceAtArrival = ratio * Math.Exp(-excess * modelSeconds / horizon);
        return (ratio - paceAtArrival) / excess * horizon;
    }
}

public static class LivePacePolicy
{
    /// <summary>The recent drive the pace is measured over: long enough to see past a red light, short enough to be "now".</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A window shorter than this says nothing: GPS jitter while waiting at a light for 20 or 30 s would read as a jam
    /// (no progress), or as a burst of speed.
    /// </summary>
    public static readonly TimeSpan MinimumSpan = TimeSpan.FromMinutes(2);

    /// <summary>Fewer positions than this in the window say nothing either (a phone that slept in between).</summary>
    public const int MinimumFixes = 3;

    /// <summary>How far ahead the live pace is believed, easing back to the model's (<see cref="LivePace.DriveSeconds"/>).</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromMinutes(10);

    /// <summary>Stuck: no progress at all reads as this, not as infinity; the jam is believed for the horizon only.</summary>
    public const double Slowest = 4;

    /// <summary>Faster than the model by more than this is an empty road now, not a promise for the rest of the drive.</summary>
    public const double Fastest = 0.6;

    /// <summary>Within this factor either way, the technician is driving as modelled.</summary>
    public const double Tolerance = 1.15;
}
