namespace OrleansPortal.Silo.Tests.Grains;

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public Task<int> GetAsync() => Task.FromResult(state.State.Value);

    public Task SetAsync(int value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
