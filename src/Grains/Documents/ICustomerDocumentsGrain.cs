using Orleans;

namespace OrleansPortal.Grains.Documents;

/// <summary>
/// The estimate and invoice ids of one customer, keyed "{tenantId}:{customerId}", oldest first, so the portal lists a
/// customer's documents without scanning. Job reports need no entry: the customer's job list already names them.
/// </summary>
[Alias("op.ICustomerDocumentsGrain")]
public interface ICustomerDocumentsGrain : IGrainWithStringKey
{
    /// <summary>Idempotent.</summary>
    Task AddEstimateAsync(string estimateId);

    /// <summary>Idempotent.</summary>
    Task AddInvoiceAsync(string invoiceId);

    [Orleans.Concurrency.ReadOnly]
    Task<CustomerDocumentIds> GetAsync();
}

[GenerateSerializer, Immutable, Alias("op.CustomerDocumentIds")]
public sealed record CustomerDocumentIds(IReadOnlyList<string> EstimateIds, IReadOnlyList<string> InvoiceIds);
