namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>Everything the solver needs; job and vehicle indices in a <see cref="RoutingSolution"/> refer to these lists.</summary>
public sealed record RoutingProblem(IReadOnlyList<Job> Jobs, IReadOnlyList<Vehicle> Vehicles, ITravelMatrix Matrix);
