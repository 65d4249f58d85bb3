using System.Security.Claims;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Portal;

/// <summary>
/// The one rule for which jobs a signed-in contact may see: jobs of their own customer (from the cookie), and for a
/// property manager only jobs at properties granted to them, asked of the customer grain on every request. Anything
/// else, including an id that does not exist, is "not found" alike, so ids cannot be probed.
/// </summary>
public static class PortalAccess
{
    /// <summary>The job, or null when this contact may not see it (or it does not exist, or the id is malformed).</summary>
    public static async Task<TicketSnapshot?> VisibleJobAsync(IClusterClient grains, ClaimsPrincipal user, string ticketId)
    {
        if (!ResourceId.IsValid(ticketId)) return null;
        TicketSnapshot ticket;
        try
        {
            ticket = await grains.GetGrain<ITicketGrain>(TenantKeys.For(user.GetTenantId(), ticketId)).GetAsync();
        }
        catch (NotFoundException)
        {
            return null;
        }
        return await MaySeeAsync(grains, user, ticket) ? ticket : null;
    }

    /// <summary>Every job this contact may see, newest first.</summary>
    public static async Task<IReadOnlyList<TicketSnapshot>> VisibleJobsAsync(IClusterClient grains, ClaimsPrincipal user)
    {
        var ids = await grains.GetGrain<ICustomerJobsGrain>(TenantKeys.For(user.GetTenantId(), user.GetCustomerId())).GetAsync();
        var scope = await ScopeAsync(grains, user);
        var tickets = await Task.WhenAll(ids.Select(id => grains.GetGrain<ITicketGrain>(TenantKeys.For(user.GetTenantId(), id)).GetAsync()));
        return [.. tickets.Where(t => scope.Allows(t, user)).Reverse()];
    }

    public static async Task<bool> MaySeeAsync(IClusterClient grains, ClaimsPrincipal user, TicketSnapshot ticket) =>
        (await ScopeAsync(grains, user)).Allows(ticket, user);

    private static async Task<Scope> ScopeAsync(IClusterClient grains, ClaimsPrincipal user) => new(await GrantedPropertiesAsync(grains, user));

    /// <summary>
    /// For a property manager, the sites granted to them (asked of the customer grain now); null for contacts who see all
    /// of their customer's. Documents about a site (estimates, invoices) use the same answer.
    /// </summary>
    public static async Task<HashSet<string>?> GrantedPropertiesAsync(IClusterClient grains, ClaimsPrincipal user)
    {
        var customer = grains.GetGrain<ICustomerGrain>(TenantKeys.For(user.GetTenantId(), user.GetCustomerId()));
        var contact = await customer.GetContactAsync(user.GetContactId());
        if (contact.Role != ContactRole.PropertyManager) return null;
        return [.. await customer.GetVisiblePropertyIdsAsync(user.GetContactId())];
    }

    /// <param name="Properties">For a property manager, the sites granted; null for contacts who see all of the customer's jobs.</param>
    private sealed record Scope(HashSet<string>? Properties)
    {
        public bool Allows(TicketSnapshot ticket, ClaimsPrincipal user) =>
            ticket.TenantId == user.GetTenantId()
            && ticket.Details.CustomerId == user.GetCustomerId()
            && (Properties is null || Properties.Contains(ticket.Details.PropertyId));
    }
}
