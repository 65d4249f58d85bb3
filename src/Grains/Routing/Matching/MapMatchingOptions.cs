namespace OrleansPortal.Grains.Routing.Matching;

/// <summary>
/// The matcher's model parameters (Newson and Krumm 2009). The defaults suit consumer GPS sampled every 5 to 30 s
/// in a city; each says why it is what it is.
/// </summary>
public sealed record MapMatchingOptions
{
    /// <summary>
    /// Roads further than this from a fix are not candidates for it. 50 m is five standard deviations of ordinary
    /// GPS noise: the true road is almost always inside, and a dense city offers only a handful of roads within it.
    /// </summary>
    public double CandidateRadiusMeters { get; init; } = 50;

    /// <summary>
    /// When no road lies within <see cref="CandidateRadiusMeters"/> the search widens once to this radius (an
    /// urban canyon can push a fix 60 to 80 m off); a fix with nothing even here is dropped.
    /// </summary>
    public double WidenedRadiusMeters { get; init; } = 100;

    /// <summary>
    /// Candidates kept per fix, the nearest first, one per edge. Eight covers both directions of the four streets
    /// of a crossing; more only slows the transitions (their cost grows with the square of this).
    /// </summary>
    public int MaxCandidates { get; init; } = 8;

    /// <summary>
    /// Standard deviation of GPS noise for the emission probability (a Gaussian on the distance from the fix to
    /// the road). Phones and vehicle trackers in a city see 5 to 20 m; Newson and Krumm measured 4 m in open
    /// suburbs, which is too tight for streets between buildings.
    /// </summary>
    public double SigmaMeters { get; init; } = 10;

    /// <summary>
    /// Scale of the exponential transition probability on |route distance - great-circle distance| between two
    /// consecutive fixes, for <see cref="NominalIntervalSeconds"/> between them. Over 15 s a car turning a corner
    /// or following a curving street drives some tens of metres more than the straight line, so the scale is a
    /// few tens of metres; a smaller one forbids real detours, a larger one lets noise pull the path into side
    /// streets.
    /// </summary>
    public double BetaMeters { get; init; } = 25;

    /// <summary>
    /// The sampling interval <see cref="BetaMeters"/> is meant for. A longer gap between fixes scales beta up in
    /// proportion: the longer the gap, the more the road may wander from the straight line.
    /// </summary>
    public double NominalIntervalSeconds { get; init; } = 15;

    /// <summary>
    /// A fix closer than this to the last fix kept is folded into it (Newson and Krumm drop fixes within 2 sigma):
    /// a stopped vehicle's jitter would otherwise be matched as driving back and forth along its street.
    /// </summary>
    public double StationaryMeters { get; init; } = 20;

    /// <summary>
    /// A gap longer than this between fixes breaks the stretch: after five minutes without a fix the vehicle may
    /// have gone anywhere, and a route guessed through the gap would teach the speed model nothing true.
    /// </summary>
    public double MaxGapSeconds { get; init; } = 300;

    /// <summary>
    /// Fastest plausible speed, for the route-length bound of a transition (38 m/s is about 137 km/h, over
    /// Portugal's 120 km/h motorway limit). Routes longer than this speed over the time between fixes (plus
    /// twice the candidate radius for the noise at both ends) are not searched.
    /// </summary>
    public double MaxSpeedMetersPerSecond { get; init; } = 38;

    /// <summary>
    /// The route search from a candidate stops at max(this, 3 x great-circle + 300 m), and at the speed bound,
    /// whichever is less: a route three times the straight line is no longer the same trip.
    /// </summary>
    public double MinRouteBoundMeters { get; init; } = 2000;

    /// <summary>
    /// A fix whose best step (emission plus transition, in log-probability) is worse than this is suspect; it is
    /// dropped as an outlier if the next fix joins up well with the fix before it. 12 is, for instance, a fix
    /// 50 m off its road (-12.5) or a route 300 m longer than the straight line.
    /// </summary>
    public double OutlierLogProbability { get; init; } = -12;

    /// <summary>
    /// When no route at all joins a fix to the one before, up to this many following fixes are tried from that
    /// one before the trace is broken: real receivers jump kilometres away for a fix or a few (a minute at 15 s)
    /// and come back, and those fixes are better dropped than matched as a stretch of their own.
    /// </summary>
    public int MaxSkippedFixes { get; init; } = 4;

    /// <summary>
    /// States whose score trails the best of their step by more than this (in log-probability) are not extended:
    /// they cannot win, and each would cost a route search.
    /// </summary>
    public double PruneLogProbability { get; init; } = 40;
}
