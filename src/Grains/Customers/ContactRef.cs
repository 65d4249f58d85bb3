using Orleans;

namespace OrleansPortal.Grains.Customers;

/// <summary>Where a contact lives: the tenant, the customer and the contact's id within that customer.</summary>
[GenerateSerializer, Immutable, Alias("op.ContactRef")]
public sealed record ContactRef(string TenantId, string CustomerId, string ContactId);
