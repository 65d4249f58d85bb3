namespace OrleansPortal.Grains.Customers;

/// <summary>
/// Every company's customers, for the office's list and search: a table of its own, one row per customer, which each
/// customer's grain keeps up to date after its own changes (so a company of thousands of customers lists and searches
/// them in one query, without activating a grain). Every read is scoped by tenant; no call names another tenant's row.
/// </summary>
public interface ICustomerDirectory
{
    /// <summary>Adds the customer's row, or replaces it with what <paramref name="customer"/> says now: idempotent.</summary>
    Task SaveAsync(CustomerSnapshot customer, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of the tenant's customers by name (case-insensitive), then id: at most <paramref name="limit"/>, after the
    /// customer <paramref name="after"/> (the previous page's last; null for the first page; one not in this tenant's
    /// directory gives an empty page). With a <paramref name="query"/>, only customers whose name or a contact's name,
    /// email or phone contains every word of it (accents, case and punctuation aside; a phone also by its digits alone).
    /// </summary>
    Task<IReadOnlyList<CustomerListing>> SearchAsync(string tenantId, string? query, string? after, int limit, CancellationToken cancellationToken = default);
}
