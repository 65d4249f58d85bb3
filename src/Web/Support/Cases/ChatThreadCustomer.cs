using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Web.Support.Cases;

/// <summary>Whose a chat thread is, for a case opened from it: a job's thread is its customer's (and names the job), a general thread its customer's.</summary>
public static class ChatThreadCustomer
{
    public static async Task<(string CustomerId, string? TicketId)> OfAsync(IClusterClient grains, ConversationAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Kind != ConversationKind.Job) return (address.LocalId, null);
        var ticket = await grains.GetGrain<ITicketGrain>(TenantKeys.For(address.TenantId, address.LocalId)).GetAsync();
        return (ticket.Details.CustomerId, ticket.TicketId);
    }
}
