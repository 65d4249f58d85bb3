using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Dispatch.Recurring;

public sealed class RecurringJobIndexGrain([PersistentState("recurringJobIndex")] IPersistentState<RecurringJobIndexState> state) : Grain, IRecurringJobIndexGrain
{
    public async Task AddAsync(string seriesId)
    {
        if (state.State.SeriesIds.Contains(seriesId)) return;
        state.State.SeriesIds.Add(seriesId);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetSeriesIdsAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.SeriesIds]);
}

[GenerateSerializer, Alias("op.RecurringJobIndexState")]
public sealed class RecurringJobIndexState
{
    [Id(0)]
    public List<string> SeriesIds { get; set; } = [];
}
