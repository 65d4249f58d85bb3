using Orleans;

namespace OrleansPortal.Grains.Dispatch.Routes;

/// <summary>
/// A technician's route on one day, keyed "{tenant}:{technician}:{yyyy-MM-dd}" (<see cref="RouteKeys"/>). Dispatch
/// gives it the planned stops; positions keep its ETAs current, and an ETA that moves by more than
/// <see cref="EtaPolicy.PublishThreshold"/> goes out on the job's "ticket-eta" stream.
/// </summary>
[Alias("op.IRouteGrain")]
public interface IRouteGrain : IGrainWithStringKey
{
    /// <summary>Replaces the plan and recomputes the estimates (from the last position heard, if any).</summary>
    Task<RouteView> SetPlanAsync(RoutePlan plan);

    /// <summary>A new position of the technician; recomputes the estimates and publishes those that moved.</summary>
    Task<RouteView> UpdatePositionAsync(GeoPoint position, DateTimeOffset at);

    /// <summary>The route and its estimates; an empty route when none was planned.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<RouteView?> GetAsync();
}

public static class RouteKeys
{
    public static string For(string tenantId, string technicianId, DateOnly day) => $"{TenantKeys.For(tenantId, technicianId)}:{day:yyyy-MM-dd}";
}
