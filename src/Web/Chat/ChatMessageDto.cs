using OrleansPortal.Grains.Conversations;
using OrleansPortal.Web.Uploads;

namespace OrleansPortal.Web.Chat;

/// <param name="Internal">Always false for customers: they never receive internal notes at all.</param>
public sealed record ChatMessageDto(string Id, string ThreadId, ChatAuthorDto Author, string Text, ChatAttachmentDto[] Attachments, DateTimeOffset SentAt, bool Internal);

/// <param name="Email">The team member's email, for the team only; customers see the name.</param>
public sealed record ChatAuthorDto(string Kind, string Name, string? ContactId, string? Email);

/// <param name="FileName">A name we made from the id and type; messages stored when chat kept the client's name show ours too.</param>
/// <param name="Url">Where this reader downloads it (the portal's or the team's API).</param>
public sealed record ChatAttachmentDto(string Id, string ContentType, long Length, string FileName, string Url);

public sealed record ChatPageDto(ChatMessageDto[] Messages, string? Before);

/// <summary>A thread in the customer's list.</summary>
public sealed record PortalThreadDto(string ThreadId, string Kind, string Title, string? TicketId, int Unread, ChatMessageDto? Last);

/// <summary>A thread in the team's inbox.</summary>
public sealed record TeamThreadDto(string ThreadId, string Kind, string CustomerId, string CustomerName, string Title, DateTimeOffset LastMessageAt, int Unread);

public sealed record ReadStateDto(string ThreadId, int Unread);

/// <summary>Pushed to the team's inbox group on every message of the company, internal notes included.</summary>
public sealed record ThreadActivityDto(string ThreadId, string CustomerId, DateTimeOffset At);

/// <summary>Someone of the other side is typing in the thread: shown for a few seconds, until the next signal or message.</summary>
public sealed record TypingDto(string ThreadId, string Name);

/// <summary>
/// Whether the team is there to chat: "Online" (someone is), "Away" (someone is, but away), "Offline" (nobody); the team
/// also reads who (<paramref name="Agents"/>, empty for customers).
/// </summary>
public sealed record ChatAvailabilityDto(string Status, ChatAgentDto[] Agents);

public sealed record ChatAgentDto(string Name, string Status);

/// <summary>The two audiences of a message: what each receives differs (internal notes, emails, download addresses).</summary>
public enum ChatAudience
{
    Customer,
    Team,
}

public static class ChatMessageMapping
{
    public const string PortalBase = "/api/v1/portal/conversations";
    public const string TeamBase = "/api/v1/conversations";

    public static ChatMessageDto AsDto(this ConversationMessage m, string threadId, ChatAudience audience)
    {
        if (m.Internal && audience == ChatAudience.Customer)
            throw new InvalidOperationException("An internal note was about to be shown to a customer."); // a bug upstream: fail loudly, never leak
        var baseUrl = audience == ChatAudience.Customer ? PortalBase : TeamBase;
        return new ChatMessageDto(
            m.Id,
            threadId,
            new ChatAuthorDto(m.Author.Kind.ToString(), m.Author.DisplayName, m.Author.ContactId, audience == ChatAudience.Team ? m.Author.Email : null),
            m.Text,
            [.. m.Attachments.Select(a => new ChatAttachmentDto(a.Id, a.ContentType, a.Length, UploadResults.FileName(a.Id, a.ContentType), $"{baseUrl}/{threadId}/attachments/{a.Id}"))],
            m.SentAt,
            m.Internal);
    }
}
