using Microsoft.AspNetCore.Authorization;
using Orleans;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Chat;

/// <summary>
/// Live chat for customer contacts (customer cookie only), into threads' customer groups, which never receive internal
/// notes. Customers and the team have separate hubs because one policy accepting both cookies would merge a browser's
/// two identities into one principal.
/// </summary>
[Authorize(Policy = PortalClaims.CustomerPolicy)]
public sealed class PortalChatHub(IClusterClient grains, ChatFeed feed) : ChatHub(feed)
{
    public const string Path = "/hubs/chat";

    protected override AuthorKind Side => AuthorKind.Customer;

    protected override Task<ConversationAddress?> AccessAsync(string threadId) => ChatAccess.ForCustomerAsync(grains, Context.User!, threadId);

    protected override string GroupFor(string conversationKey) => ChatGroups.Customers(conversationKey);
}
