using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Payments.Plans;

[GenerateSerializer, Alias("op.MaintenancePlansState")]
public sealed class MaintenancePlansState
{
    [Id(0)]
    public List<MaintenancePlan> Plans { get; set; } = [];
}

public sealed class MaintenancePlansGrain([PersistentState("plans")] IPersistentState<MaintenancePlansState> state) : Grain, IMaintenancePlansGrain
{
    public Task<MaintenancePlan> DefineAsync(NewMaintenancePlan terms) => SaveAsync(new MaintenancePlan(TenantKeys.NewId(), terms, Active: true), replace: null);

    public Task<MaintenancePlan> UpdateAsync(string planId, NewMaintenancePlan terms)
    {
        var plan = Find(planId);
        return SaveAsync(plan with { Terms = terms }, plan);
    }

    public Task<MaintenancePlan> RetireAsync(string planId)
    {
        var plan = Find(planId);
        return plan.Active ? SaveAsync(plan with { Active = false }, plan) : Task.FromResult(plan);
    }

    public Task<IReadOnlyList<MaintenancePlan>> GetAllAsync() => Task.FromResult<IReadOnlyList<MaintenancePlan>>([.. state.State.Plans]);

    public Task<MaintenancePlan> GetAsync(string planId) => Task.FromResult(Find(planId));

    private MaintenancePlan Find(string planId) =>
        state.State.Plans.FirstOrDefault(p => p.PlanId == planId) ?? throw new NotFoundException($"Plan {planId} does not exist.");

    // The list changes only once the write is stored: a failed write leaves the plans as they were.
    private async Task<MaintenancePlan> SaveAsync(MaintenancePlan plan, MaintenancePlan? replace)
    {
        var before = state.State.Plans;
        var after = replace is null ? [.. before, plan] : before.Select(p => p.PlanId == replace.PlanId ? plan : p).ToList();
        state.State.Plans = after;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Plans = before;
            throw;
        }

        return plan;
    }
}
