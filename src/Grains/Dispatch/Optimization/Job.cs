namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>
/// One visit to plan. Times are in the unit of the travel matrix; service must start inside
/// [<see cref="Earliest"/>, <see cref="Latest"/>] (arriving early means waiting).
/// </summary>
/// <param name="UnassignedPenalty">
/// What leaving the job out costs. Penalties are compared before vehicles and distance, so an emergency
/// with a higher penalty wins capacity from routine jobs.
/// </param>
/// <param name="PinnedVehicle">Index of the vehicle the dispatcher fixed this job to; the solver never moves it elsewhere.</param>
/// <param name="InProgress">Being served now: stays first on its pinned vehicle.</param>
/// <param name="PreferredVehicle">
/// The vehicle the customer would rather see (their usual technician). A wish, not a constraint: skills, windows and shifts
/// still decide where the job can go.
/// </param>
/// <param name="PreferenceCost">Distance-equivalent cost of serving the job on any vehicle but <paramref name="PreferredVehicle"/>.</param>
public sealed record Job(
    int Location,
    double ServiceDuration,
    double Earliest,
    double Latest,
    double Demand = 0,
    IReadOnlySet<string>? RequiredSkills = null,
    double UnassignedPenalty = 1_000_000,
    int? PinnedVehicle = null,
    bool InProgress = false,
    int? PreferredVehicle = null,
    double PreferenceCost = 0)
{
    /// <summary>What serving the job on vehicle <paramref name="vehicle"/> costs in missed preference: the cost, or 0.</summary>
    public double PreferenceMiss(int vehicle) => PreferenceCost > 0 && PreferredVehicle is { } preferred && preferred != vehicle ? PreferenceCost : 0;
}
