namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>The checker's verdict: feasible when there are no violations; distance is recomputed from coordinates.</summary>
public sealed record SolutionCheck(bool Feasible, IReadOnlyList<string> Violations, int Vehicles, double Distance);
