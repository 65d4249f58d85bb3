using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Documents;

[GenerateSerializer, Alias("op.InvoiceState")]
public sealed class InvoiceState
{
    [Id(0)]
    public NewInvoice? Details { get; set; }

    [Id(1)]
    public DateTimeOffset IssuedAt { get; set; }

    [Id(2)]
    public InvoiceStatus Status { get; set; } = InvoiceStatus.Open;
}

public sealed class InvoiceGrain([PersistentState("invoice")] IPersistentState<InvoiceState> state, DomainClock clock) : Grain, IInvoiceGrain
{
    private string TenantId => TenantKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string InvoiceId => TenantKeys.Split(this.GetPrimaryKeyString()).LocalId;

    public async Task<Invoice> IssueAsync(NewInvoice invoice)
    {
        if (state.State.Details is not null) throw new ConflictException($"Invoice {InvoiceId} already exists.");
        state.State.Details = invoice;
        state.State.IssuedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        // Listed after it is stored, as estimates are.
        await GrainFactory.GetGrain<ICustomerDocumentsGrain>(TenantKeys.For(TenantId, invoice.CustomerId)).AddInvoiceAsync(InvoiceId);
        return Snapshot();
    }

    public Task<Invoice> GetAsync() => Task.FromResult(Snapshot());

    private Invoice Snapshot()
    {
        var details = state.State.Details ?? throw new NotFoundException($"Invoice {InvoiceId} does not exist.");
        return new Invoice(InvoiceId, details, LineItem.Total(details.Lines), state.State.IssuedAt, state.State.Status);
    }
}
