namespace OrleansPortal.Grains.Routing.Matching;

/// <summary>
/// One edge driven, whole (FromFraction 0, ToFraction 1) or in part at a stretch's ends; times interpolated.
/// Fractions are of the edge's length from its source node. Enter and Exit spread the time between two fixes over
/// the road between them in proportion to free-flow seconds (a slow fix-to-fix interval slows every edge in it
/// alike), so an edge's time is an estimate unless a fix fell at both its ends.
/// </summary>
public readonly record struct EdgeTraversal(int Edge, double FromFraction, double ToFraction, DateTimeOffset Enter, DateTimeOffset Exit);

/// <summary>
/// A stretch matched without a break: consecutive edges are connected (one's target is the next one's source).
/// A trace splits where the HMM breaks (no route between candidates, a long gap). FirstFix and LastFix are indices
/// into the fixes given to <see cref="MapMatcher.Match"/>.
/// </summary>
public sealed record MatchedStretch(IReadOnlyList<EdgeTraversal> Edges, int FirstFix, int LastFix);

/// <summary>
/// The stretches of a trace, in order. FixesUsed + FixesDropped is the number of fixes given: a fix is used when it
/// is matched (including stationary fixes folded into the one before them) and dropped when it had no road near
/// it, was an implausible outlier, or was the only fix of a stretch that went nowhere.
/// </summary>
public sealed record MatchedTrace(IReadOnlyList<MatchedStretch> Stretches, int FixesUsed, int FixesDropped);
