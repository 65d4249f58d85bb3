namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>A plan: <see cref="Routes"/>[v] lists the job indices vehicle v visits, in order (empty when the vehicle stays home).</summary>
public sealed record RoutingSolution(
    IReadOnlyList<IReadOnlyList<int>> Routes,
    IReadOnlyList<int> Unassigned,
    double Distance,
    int VehiclesUsed,
    double UnassignedPenalty,
    long Iterations);
