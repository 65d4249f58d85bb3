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
    /// <summary>The signed-in contact's customer: from the cookie, never from an id the request names.</summary>
    public static ICustomerGrain CustomerOf(IClusterClient grains, ClaimsPrincipal user) =>
        grains.GetGrain<ICustomerGrain>(TenantKeys.For(user.GetTenantId(), user.GetCustomerId()));

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
    public static Task<IReadOnlyList<TicketSnapshot>> VisibleJobsAsync(IClusterClient grains, ClaimsPrincipal user) => VisibleJobsAsync(grains, PortalViewer.Of(user));

    /// <summary>The same, for a contact known by a credential other than the sign-in cookie (their calendar feed's URL).</summary>
    public static async Task<IReadOnlyList<TicketSnapshot>> VisibleJobsAsync(IClusterClient grains, PortalViewer viewer)
    {
        var ids = await grains.GetGrain<ICustomerJobsGrain>(TenantKeys.For(viewer.TenantId, viewer.CustomerId)).GetAsync();
        var scope = await ScopeAsync(grains, viewer);
        var tickets = await Task.WhenAll(ids.Select(id => grains.GetGrain<ITicketGrain>(TenantKeys.For(viewer.TenantId, id)).GetAsync()));
        return [.. tickets.Where(t => scope.Allows(t, viewer)).Reverse()];
    }

    public static async Task<bool> MaySeeAsync(IClusterClient grains, ClaimsPrincipal user, TicketSnapshot ticket) =>
        (await ScopeAsync(grains, PortalViewer.Of(user))).Allows(ticket, PortalViewer.Of(user));

    private static async Task<Scope> ScopeAsync(IClusterClient grains, PortalViewer viewer) => new(await GrantedPropertiesAsync(grains, viewer));

    /// <summary>
    /// For a property manager, the sites granted to them (asked of the customer grain now); null for contacts who see all
    /// of their customer's. Documents about a site (estimates, invoices) use the same answer.
    /// </summary>
    public static Task<HashSet<string>?> GrantedPropertiesAsync(IClusterClient grains, ClaimsPrincipal user) => GrantedPropertiesAsync(grains, PortalViewer.Of(user));

    private static async Task<HashSet<string>?> GrantedPropertiesAsync(IClusterClient grains, PortalViewer viewer)
    {
        var customer = grains.GetGrain<ICustomerGrain>(TenantKeys.For(viewer.TenantId, viewer.CustomerId));
        var contact = await customer.GetContactAsync(viewer.ContactId);
        if (contact.Role != ContactRole.PropertyManager) return null;
        return [.. await customer.GetVisiblePropertyIdsAsync(viewer.ContactId)];
    }

    /// <param name="Properties">For a property manager, the sites granted; null for contacts who see all of the customer's jobs.</param>
    private sealed record Scope(HashSet<string>? Properties)
    {
        public bool Allows(TicketSnapshot ticket, PortalViewer viewer) =>
            ticket.TenantId == viewer.TenantId
            && ticket.Details.CustomerId == viewer.CustomerId
            && (Properties is null || Properties.Contains(ticket.Details.PropertyId));
    }
}

/// <summary>Who is looking at the portal's data: a contact of a customer of a company.</summary>
public sealed record PortalViewer(string TenantId, string CustomerId, string ContactId)
{
    public static PortalViewer Of(ClaimsPrincipal user) => new(user.GetTenantId(), user.GetCustomerId(), user.GetContactId());
}
