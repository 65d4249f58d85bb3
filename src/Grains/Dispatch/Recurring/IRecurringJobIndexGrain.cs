using Orleans;

namespace OrleansPortal.Grains.Dispatch.Recurring;

/// <summary>The ids of one tenant's recurring job series, keyed by the tenant id.</summary>
[Alias("op.IRecurringJobIndexGrain")]
public interface IRecurringJobIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds the id once; adding it again changes nothing.</summary>
    Task AddAsync(string seriesId);

    /// <summary>In the order they were added. An id may name a series whose creation failed after it was added.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<string>> GetSeriesIdsAsync();
}
