using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Customers;

[GenerateSerializer, Alias("op.CustomerJobsState")]
public sealed class CustomerJobsState
{
    [Id(0)]
    public List<string> TicketIds { get; set; } = [];
}

public sealed class CustomerJobsGrain([PersistentState("customer-jobs")] IPersistentState<CustomerJobsState> state) : Grain, ICustomerJobsGrain
{
    public async Task AddAsync(string ticketId)
    {
        if (state.State.TicketIds.Contains(ticketId)) return;
        state.State.TicketIds.Add(ticketId);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.TicketIds]);
}
