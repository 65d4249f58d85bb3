using OrleansPortal.Grains.Routing.Matching;

namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>
/// How a travel-time model is learned. The prior strengths say how much data an edge, an area or a time slot needs
/// before its own figure outweighs the level above it (shrinkage): an edge driven once by a taxi that stopped for a
/// passenger must not become a 2 km/h street.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>The zone the time-of-week slots are counted in: the company's.</summary>
    public string TimeZoneId { get; init; } = "Europe/Lisbon";

    /// <summary>An edge's own traversals count against this many traversals' worth of its class-and-area pace.</summary>
    public double EdgePriorTraversals { get; init; } = 2;

    /// <summary>A class within one area counts against this many metres of the class's citywide pace.</summary>
    public double AreaPriorMeters { get; init; } = 5_000;

    /// <summary>A class counts against this many metres of the citywide pace (scaled by the class's free-flow shape).</summary>
    public double ClassPriorMeters { get; init; } = 20_000;

    /// <summary>A time-of-week slot counts against this many seconds of typical driving (factor 1).</summary>
    public double SlotPriorSeconds { get; init; } = 3_600;

    /// <summary>Areas are squares of this side: small enough to tell the old town from the ring road's suburbs.</summary>
    public double AreaCellMeters { get; init; } = 1_500;

    /// <summary>Edge paces and slot factors are fitted in turns; a few rounds settle them.</summary>
    public int Rounds { get; init; } = 4;

    /// <summary>
    /// Leg times are calibrated by cross-fitting in this many folds of trips: each fold's legs are estimated by edges
    /// learned from the other folds. Each fold builds a routing hierarchy (a few seconds for Porto).
    /// </summary>
    public int CalibrationFolds { get; init; } = 4;

    /// <summary>A calibration band counts against this many legs of the overall factor.</summary>
    public double BandPriorLegs { get; init; } = 50;

    public MapMatchingOptions? Matching { get; init; }
}

/// <summary>Where a training run is: its stage and how far through it (0 to 1).</summary>
public readonly record struct TrainingProgress(string Stage, double Fraction);
