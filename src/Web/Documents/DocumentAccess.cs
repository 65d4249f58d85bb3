using System.Security.Claims;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Documents;

/// <summary>
/// Which estimates and invoices a signed-in contact may see (and, for estimates, decide): those of their own customer;
/// a property manager only those about a site granted to them, so not those about no site at all (customer-wide money
/// matters belong to owners and accounts payable). Job reports follow <see cref="Portal.PortalAccess"/>, the jobs' rule.
/// The grant is asked of the customer grain on every request. Not visible and not existing answer alike.
/// </summary>
public static class DocumentAccess
{
    public static async Task<Estimate?> VisibleEstimateAsync(IClusterClient grains, ClaimsPrincipal user, string id)
    {
        if (!ResourceId.IsValid(id)) return null;
        Estimate estimate;
        try
        {
            estimate = await grains.GetGrain<IEstimateGrain>(TenantKeys.For(user.GetTenantId(), id)).GetAsync();
        }
        catch (NotFoundException)
        {
            return null;
        }
        return (await ScopeAsync(grains, user)).Allows(estimate.Details.CustomerId, estimate.Details.PropertyId) ? estimate : null;
    }

    public static async Task<Invoice?> VisibleInvoiceAsync(IClusterClient grains, ClaimsPrincipal user, string id)
    {
        if (!ResourceId.IsValid(id)) return null;
        Invoice invoice;
        try
        {
            invoice = await grains.GetGrain<IInvoiceGrain>(TenantKeys.For(user.GetTenantId(), id)).GetAsync();
        }
        catch (NotFoundException)
        {
            return null;
        }
        return (await ScopeAsync(grains, user)).Allows(invoice.Details.CustomerId, invoice.Details.PropertyId) ? invoice : null;
    }

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

    private static async Task<Scope> ScopeAsync(IClusterClient grains, ClaimsPrincipal user)
    {
        var customer = grains.GetGrain<ICustomerGrain>(TenantKeys.For(user.GetTenantId(), user.GetCustomerId()));
        var contact = await customer.GetContactAsync(user.GetContactId());
        if (contact.Role != ContactRole.PropertyManager) return new Scope(user.GetCustomerId(), null);
        return new Scope(user.GetCustomerId(), [.. await customer.GetVisiblePropertyIdsAsync(user.GetContactId())]);
    }

    /// <param name="Properties">For a property manager, the sites granted; null for contacts who see all of the customer's documents.</param>
    private sealed record Scope(string CustomerId, HashSet<string>? Properties)
    {
        public bool Allows(string customerId, string? propertyId) =>
            customerId == CustomerId && (Properties is null || (propertyId is not null && Properties.Contains(propertyId)));
    }
}
