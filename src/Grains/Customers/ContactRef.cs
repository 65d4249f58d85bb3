namespace OrleansPortal.Grains.Customers;

/// <summary>Where a contact lives: the tenant, the customer and the contact's id within that customer.</summary>
public sealed record ContactRef(string TenantId, string CustomerId, string ContactId);
