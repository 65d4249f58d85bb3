namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Travel times (seconds) and distances (metres) from each origin (row) to each destination (column).
/// Immutable once built, so a cache can hand the same instance to many callers.
/// </summary>
public sealed class TravelMatrix
{
    private readonly double[] _seconds;
    private readonly double[] _meters;
    private readonly bool[]? _routed;

    /// <param name="routed">Per cell, whether the figure is a route on a road graph; null means none is.</param>
    public TravelMatrix(int origins, int destinations, double[] seconds, double[] meters, bool[]? routed = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(origins);
        ArgumentOutOfRangeException.ThrowIfNegative(destinations);
        if (seconds.Length != origins * destinations || meters.Length != origins * destinations || (routed is not null && routed.Length != seconds.Length))
        {
            throw new ArgumentException("The arrays must hold origins x destinations values.");
        }
        Origins = origins;
        Destinations = destinations;
        _seconds = seconds;
        _meters = meters;
        _routed = routed;
    }

    public int Origins { get; }

    public int Destinations { get; }

    public double Seconds(int origin, int destination) => _seconds[Index(origin, destination)];

    public double Meters(int origin, int destination) => _meters[Index(origin, destination)];

    /// <summary>False when the cell is the great-circle fallback rather than a route.</summary>
    public bool IsRouted(int origin, int destination) => _routed is not null && _routed[Index(origin, destination)];

    private int Index(int origin, int destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)origin, (uint)Origins, nameof(origin));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)destination, (uint)Destinations, nameof(destination));
        return origin * Destinations + destination;
    }
}
