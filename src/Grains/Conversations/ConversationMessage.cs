using Orleans;

namespace OrleansPortal.Grains.Conversations;

[GenerateSerializer, Alias("op.AuthorKind")]
public enum AuthorKind
{
    Customer,
    Team,
}

/// <summary>Who wrote a message: a customer contact (<paramref name="ContactId"/>) or someone of the company's team (<paramref name="Email"/>).</summary>
[GenerateSerializer, Immutable, Alias("op.MessageAuthor")]
public sealed record MessageAuthor(AuthorKind Kind, string DisplayName, string? ContactId, string? Email)
{
    public static MessageAuthor Customer(string contactId, string displayName) => new(AuthorKind.Customer, displayName, contactId, null);

    public static MessageAuthor Team(string email, string displayName) => new(AuthorKind.Team, displayName, null, email);
}

/// <summary>An image stored in the attachment store under <paramref name="Id"/>; the bytes never live in grain state.</summary>
/// <param name="FileName">The name the web side made for it (never the client's; older messages may hold one).</param>
[GenerateSerializer, Immutable, Alias("op.MessageAttachment")]
public sealed record MessageAttachment(string Id, string ContentType, long Length, string FileName);

/// <param name="Internal">A team-only note: never shown to the customer, by any channel.</param>
[GenerateSerializer, Immutable, Alias("op.ConversationMessage")]
public sealed record ConversationMessage(
    string Id,
    MessageAuthor Author,
    string Text,
    IReadOnlyList<MessageAttachment> Attachments,
    DateTimeOffset SentAt,
    bool Internal);

/// <summary>A message to post; the grain gives it its id and time.</summary>
[GenerateSerializer, Immutable, Alias("op.NewMessage")]
public sealed record NewMessage(MessageAuthor Author, string Text, IReadOnlyList<MessageAttachment> Attachments, bool Internal);

/// <summary>Who is reading: a customer contact (who never sees internal notes) or the company's team (one shared read marker).</summary>
[GenerateSerializer, Immutable, Alias("op.ConversationReader")]
public sealed record ConversationReader(AuthorKind Kind, string? ContactId)
{
    public static readonly ConversationReader Team = new(AuthorKind.Team, null);

    public static ConversationReader Contact(string contactId) => new(AuthorKind.Customer, contactId);

    public bool SeesInternal => Kind == AuthorKind.Team;
}

/// <summary>
/// One page of history, oldest first within the page. <paramref name="Before"/> is the cursor for the next older page
/// (the id of this page's oldest message), null when there is nothing older.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.MessagePage")]
public sealed record MessagePage(IReadOnlyList<ConversationMessage> Messages, string? Before);

/// <summary>What a reader's thread list shows: how many messages they have not read, and the newest one they may see.</summary>
[GenerateSerializer, Immutable, Alias("op.ConversationSummary")]
public sealed record ConversationSummary(string ThreadId, int Unread, ConversationMessage? Last);

/// <summary>Published on <see cref="ConversationStreams"/> after a message is stored.</summary>
[GenerateSerializer, Immutable, Alias("op.ConversationMessagePosted")]
public sealed record ConversationMessagePosted(string ConversationKey, string CustomerId, ConversationMessage Message);
