namespace OrleansPortal.Web.Chat;

/// <summary>
/// SignalR group names. A thread has two groups: the customer group receives only messages customers may see, the team
/// group everything. Names carry the full conversation key, tenant included, so equal ids of two companies never meet.
/// </summary>
public static class ChatGroups
{
    public static string Customers(string conversationKey) => $"chat-customers:{conversationKey}";

    public static string Team(string conversationKey) => $"chat-team:{conversationKey}";

    public static string TeamInbox(string tenantId) => $"chat-inbox:{tenantId}";
}
