using System.Security.Claims;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Portal;

namespace OrleansPortal.Web.Documents;

/// <summary>
/// Which estimates and invoices a signed-in contact may see (and, for estimates, decide): those of their own customer;
/// a property manager only those about a site granted to them, so not those about no site at all (customer-wide money
/// matters belong to owners and accounts payable). Job reports follow <see cref="PortalAccess"/>, the jobs' rule,
/// and the grants come from it too, asked of the customer grain on every request. Not visible and not existing answer alike.
/// </summary>
public static class DocumentAccess
{
    public static Task<Estimate?> VisibleEstimateAsync(IClusterClient grains, ClaimsPrincipal user, string id) =>
        VisibleAsync(grains, user, id, key => grains.GetGrain<IEstimateGrain>(key).GetAsync(), e => (e.Details.CustomerId, e.Details.PropertyId));

    public static Task<Invoice?> VisibleInvoiceAsync(IClusterClient grains, ClaimsPrincipal user, string id) =>
        VisibleAsync(grains, user, id, key => grains.GetGrain<IInvoiceGrain>(key).GetAsync(), i => (i.Details.CustomerId, i.Details.PropertyId));

    /// <summary>The contact's visible estimates and invoices, newest first.</summary>
    public static async Task<(IReadOnlyList<Estimate> Estimates, IReadOnlyList<Invoice> Invoices)> VisibleDocumentsAsync(IClusterClient grains, ClaimsPrincipal user)
    {
        var tenant = user.GetTenantId();
        var ids = await grains.GetGrain<ICustomerDocumentsGrain>(TenantKeys.For(tenant, user.GetCustomerId())).GetAsync();
        var scope = await ScopeAsync(grains, user);
        var estimates = await Task.WhenAll(ids.EstimateIds.Select(id => grains.GetGrain<IEstimateGrain>(TenantKeys.For(tenant, id)).GetAsync()));
        var invoices = await Task.WhenAll(ids.InvoiceIds.Select(id => grains.GetGrain<IInvoiceGrain>(TenantKeys.For(tenant, id)).GetAsync()));
        return (
            [.. estimates.Where(e => scope.Allows(e.Details.CustomerId, e.Details.PropertyId)).Reverse()],
            [.. invoices.Where(i => scope.Allows(i.Details.CustomerId, i.Details.PropertyId)).Reverse()]);
    }

    /// <param name="load">Reads the document by its grain key; throws <see cref="NotFoundException"/> when it does not exist.</param>
    private static async Task<T?> VisibleAsync<T>(IClusterClient grains, ClaimsPrincipal user, string id, Func<string, Task<T>> load, Func<T, (string CustomerId, string? PropertyId)> about)
        where T : class
    {
        if (!ResourceId.IsValid(id)) return null;
        T document;
        try
        {
            document = await load(TenantKeys.For(user.GetTenantId(), id));
        }
        catch (NotFoundException)
        {
            return null;
        }
        var (customerId, propertyId) = about(document);
        return (await ScopeAsync(grains, user)).Allows(customerId, propertyId) ? document : null;
    }

    private static async Task<Scope> ScopeAsync(IClusterClient grains, ClaimsPrincipal user) =>
        new(user.GetCustomerId(), await PortalAccess.GrantedPropertiesAsync(grains, user));

    /// <param name="Properties">For a property manager, the sites granted; null for contacts who see all of the customer's documents.</param>
    private sealed record Scope(string CustomerId, HashSet<string>? Properties)
    {
        public bool Allows(string customerId, string? propertyId) =>
            customerId == CustomerId && (Properties is null || (propertyId is not null && Properties.Contains(propertyId)));
    }
}
