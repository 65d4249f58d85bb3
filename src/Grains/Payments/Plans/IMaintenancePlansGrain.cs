using Orleans;

namespace OrleansPortal.Grains.Payments.Plans;

/// <summary>The maintenance plans a company (the key, its tenant id) offers.</summary>
[Alias("op.IMaintenancePlansGrain")]
public interface IMaintenancePlansGrain : IGrainWithStringKey
{
    Task<MaintenancePlan> DefineAsync(NewMaintenancePlan terms);

    /// <summary>New terms for new subscribers; those subscribed keep the terms they signed up to. Throws <see cref="NotFoundException"/>.</summary>
    Task<MaintenancePlan> UpdateAsync(string planId, NewMaintenancePlan terms);

    /// <summary>No longer offered. Throws <see cref="NotFoundException"/>.</summary>
    Task<MaintenancePlan> RetireAsync(string planId);

    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<MaintenancePlan>> GetAllAsync();

    /// <summary>Throws <see cref="NotFoundException"/> for a plan the company never defined.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<MaintenancePlan> GetAsync(string planId);
}
