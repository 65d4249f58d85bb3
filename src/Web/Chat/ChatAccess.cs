using System.Security.Claims;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Portal;

namespace OrleansPortal.Web.Chat;

/// <summary>
/// Who may open which thread, for the APIs and the hubs alike. The tenant always comes from the caller's claim, never
/// from the thread id. A customer contact opens a job's thread only when <see cref="PortalAccess"/> shows them the job,
/// and only their own customer's general thread; the team opens any thread of its own company's jobs and customers.
/// Anything else (another customer's, another tenant's, malformed, not existing) is null alike, so ids cannot be probed.
/// </summary>
public static class ChatAccess
{
    public static async Task<ConversationAddress?> ForCustomerAsync(IClusterClient grains, ClaimsPrincipal user, string threadId)
    {
        if (!ConversationKey.TryParseThreadId(threadId, out var kind, out var localId) || !ResourceId.IsValid(localId)) return null;
        var tenantId = user.GetTenantId();
        return kind switch
        {
            ConversationKind.Customer when localId == user.GetCustomerId() => new ConversationAddress(tenantId, kind, localId),
            ConversationKind.Job when await PortalAccess.VisibleJobAsync(grains, user, localId) is not null => new ConversationAddress(tenantId, kind, localId),
            _ => null,
        };
    }

    public static async Task<ConversationAddress?> ForTeamAsync(IClusterClient grains, ClaimsPrincipal user, string threadId)
    {
        if (!ConversationKey.TryParseThreadId(threadId, out var kind, out var localId) || !ResourceId.IsValid(localId)) return null;
        var tenantId = user.GetTenantId();
        var key = TenantKeys.For(tenantId, localId);
        try
        {
            // Exists in this tenant: the grain key carries the caller's tenant, so another company's id finds nothing.
            if (kind == ConversationKind.Job) await grains.GetGrain<ITicketGrain>(key).GetAsync();
            else await grains.GetGrain<ICustomerGrain>(key).GetAsync();
        }
        catch (NotFoundException)
        {
            return null;
        }

        return new ConversationAddress(tenantId, kind, localId);
    }
}
