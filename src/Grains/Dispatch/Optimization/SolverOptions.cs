namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>How long and how the solver searches.</summary>
/// <param name="TimeBudget">Wall-clock budget; the best solution found so far is returned when it runs out.</param>
/// <param name="Seed">Same seed and same problem give the same search, apart from where the time budget cuts it.</param>
/// <param name="MinimizeVehicles">
/// Hierarchical objective (Solomon): fewer vehicles beats any distance saving, and part of the budget goes to emptying routes.
/// </param>
/// <param name="VehicleFixedCost">Distance-equivalent cost of using a vehicle when vehicles are not minimised first.</param>
/// <param name="MaxIterations">Per worker; when set, the search is reproducible for a seed (the time budget still stops it).</param>
/// <param name="Workers">Independent searches run in parallel with different seeds; the best plan wins.</param>
/// <param name="Progress">Told about the first worker's best plan every <see cref="ProgressInterval"/>, for a progress bar; called on the search's thread.</param>
public sealed record SolverOptions(
    TimeSpan TimeBudget,
    int Seed = 1,
    bool MinimizeVehicles = false,
    double VehicleFixedCost = 0,
    int? MaxIterations = null,
    int Workers = 1,
    IProgress<SolverProgress>? Progress = null)
{
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);
}

/// <param name="Fraction">Share of the time budget (or iteration cap) spent, 0 to 1.</param>
public sealed record SolverProgress(double Fraction, double BestDistance, int BestUnassigned, long Iterations);
