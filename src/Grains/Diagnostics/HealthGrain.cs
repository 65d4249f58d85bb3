using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Diagnostics;

public sealed class HealthState
{
    public long Heartbeats { get; set; }

    public DateTimeOffset LastCheckedAt { get; set; }
}

public sealed class HealthGrain([PersistentState("health")] IPersistentState<HealthState> state, TimeProvider clock) : Grain, IHealthGrain
{
    public async Task<HealthReport> CheckAsync()
    {
        state.State.Heartbeats++;
        state.State.LastCheckedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return new HealthReport(state.State.Heartbeats, state.State.LastCheckedAt);
    }
}
