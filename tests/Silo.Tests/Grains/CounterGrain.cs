using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Silo.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    /// <summary>Overwrites the persisted value without reading first: used to provoke stale writes.</summary>
    Task SetAsync(int value);

    Task<string?> GetEtagAsync();
}

public sealed class CounterState
{
    public int Value { get; set; }
}

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public async Task<int> IncrementAsync()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Value);

    public async Task SetAsync(int value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public Task<string?> GetEtagAsync() => Task.FromResult(state.Etag);
}

/// <summary>Another grain type with the same state name, to check that storage keys include the grain type.</summary>
public interface IOtherCounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();
}

public sealed class OtherCounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, IOtherCounterGrain
{
    public async Task<int> IncrementAsync()
    {
        state.State.Value += 100;
        await state.WriteStateAsync();
        return state.State.Value;
    }
}
