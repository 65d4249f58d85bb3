using Orleans;

namespace OrleansPortal.Grains.Customers;

/// <summary>
/// The jobs (ticket ids) of one customer, keyed "{tenantId}:{customerId}", newest last. Every ticket registers itself
/// when it is created, whoever created it (the portal, a dispatcher, a recurring series), so the portal can list a
/// customer's jobs without scanning tickets.
/// </summary>
[Alias("op.ICustomerJobsGrain")]
public interface ICustomerJobsGrain : IGrainWithStringKey
{
    Task AddAsync(string ticketId);

    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<string>> GetAsync();
}
