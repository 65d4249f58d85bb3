using Orleans;

namespace OrleansPortal.Grains.Conversations;

/// <summary>
/// One chat thread, keyed by <see cref="ConversationKey"/>: a job's thread or a customer's general thread. Who may
/// call it is decided at the web edge; the grain's own guarantee is that a customer reader never gets an internal note
/// (not in a page, a summary, a read marker or an attachment) and that every stored message passed
/// <see cref="MessageRules"/>.
/// </summary>
[Alias("op.IConversationGrain")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the message, counts it as read by its author, and publishes it on <see cref="ConversationStreams"/>. Throws
    /// <see cref="NotFoundException"/> for a job thread whose ticket does not exist, <see cref="ArgumentException"/> for a
    /// message that breaks the rules (a customer cannot write internal notes).
    /// </summary>
    Task<ConversationMessage> PostAsync(NewMessage message);

    /// <summary>
    /// Up to <paramref name="size"/> (1 to <see cref="MessageRules.MaxPageSize"/>) messages the reader may see, the newest
    /// page first, older ones by passing the previous page's cursor as <paramref name="before"/>. Throws
    /// <see cref="NotFoundException"/> when <paramref name="before"/> is not a message this reader may see.
    /// </summary>
    [Orleans.Concurrency.ReadOnly]
    Task<MessagePage> GetPageAsync(ConversationReader reader, string? before, int size);

    /// <summary>The reader's unread count and the newest message they may see.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<ConversationSummary> GetSummaryAsync(ConversationReader reader);

    /// <summary>
    /// Marks everything up to and including the message as read for this reader; a marker never moves back. Throws
    /// <see cref="NotFoundException"/> when the message is not one this reader may see.
    /// </summary>
    Task<ConversationSummary> MarkReadAsync(ConversationReader reader, string upToMessageId);

    /// <summary>The attachment, if it belongs to a message this reader may see; otherwise <see cref="NotFoundException"/>.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<MessageAttachment> GetAttachmentAsync(ConversationReader reader, string attachmentId);
}
