namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>What <see cref="JobInsertion.InsertCheapest"/> changed in a live plan.</summary>
/// <param name="Solution">The new plan; routes other than <paramref name="Vehicle"/>'s are the caller's own lists, shared.</param>
/// <param name="Vehicle">The vehicle that got the job, or -1 when it fits nowhere and is listed as unassigned.</param>
/// <param name="Position">Index of the job in that vehicle's new route, or -1.</param>
/// <param name="Displaced">Jobs taken off that route to make room, now listed as unassigned for the caller to re-insert.</param>
/// <param name="AddedDistance">Change in total distance (negative parts come from displaced jobs).</param>
public sealed record JobInsertionResult(
    RoutingSolution Solution,
    int Vehicle,
    int Position,
    IReadOnlyList<int> Displaced,
    double AddedDistance)
{
    public bool Inserted => Vehicle >= 0;
}
