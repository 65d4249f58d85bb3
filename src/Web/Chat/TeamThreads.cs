using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Chat;

/// <summary>Inbox rows as the team sees them, with their customer's name and a title, for the inbox and a customer's page alike.</summary>
public static class TeamThreads
{
    public static async Task<TeamThreadDto[]> DescribeAsync(IClusterClient grains, string tenantId, IEnumerable<ThreadActivity> threads) =>
        await Task.WhenAll(threads.Select(async t =>
        {
            var address = ConversationKey.Parse(TenantKeys.For(tenantId, t.ThreadId));
            var title = address.Kind == ConversationKind.Job
                ? PortalConversationsApi.JobTitle((await grains.GetGrain<ITicketGrain>(TenantKeys.For(tenantId, address.LocalId)).GetAsync()).Details)
                : "General";
            // Tickets may name customers that were never created (imported jobs, tests); their threads are still listed.
            var customer = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenantId, t.CustomerId)).GetAsync().OrNullAsync();
            return new TeamThreadDto(t.ThreadId, address.Kind.ToString(), t.CustomerId, customer?.Name ?? "", title, t.LastMessageAt, t.TeamUnread);
        }));
}
