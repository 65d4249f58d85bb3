using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Documents;

[GenerateSerializer, Alias("op.CustomerDocumentsState")]
public sealed class CustomerDocumentsState
{
    [Id(0)]
    public List<string> EstimateIds { get; set; } = [];

    [Id(1)]
    public List<string> InvoiceIds { get; set; } = [];
}

public sealed class CustomerDocumentsGrain([PersistentState("customer-documents")] IPersistentState<CustomerDocumentsState> state) : Grain, ICustomerDocumentsGrain
{
    public Task AddEstimateAsync(string estimateId) => AddAsync(state.State.EstimateIds, estimateId);

    public Task AddInvoiceAsync(string invoiceId) => AddAsync(state.State.InvoiceIds, invoiceId);

    public Task<CustomerDocumentIds> GetAsync() => Task.FromResult(new CustomerDocumentIds([.. state.State.EstimateIds], [.. state.State.InvoiceIds]));

    private async Task AddAsync(List<string> ids, string id)
    {
        if (ids.Contains(id)) return;
        ids.Add(id);
        await state.WriteStateAsync();
    }
}
