using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Diagnostics;

[GenerateSerializer, Alias("op.HealthState")]
public sealed class HealthState
{
    [Id(0)]
    public long Heartbeats { get; set; }

    [Id(1)]
    public DateTimeOffset LastCheckedAt { get; set; }
}

public sealed class HealthGrain([PersistentState("health")] IPersistentState<HealthState> state, DomainClock clock) : Grain, IHealthGrain
{
    public async Task<HealthReport> CheckAsync()
    {
        state.State.Heartbeats++;
        state.State.LastCheckedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return new HealthReport(state.State.Heartbeats, state.State.LastCheckedAt);
    }
}
