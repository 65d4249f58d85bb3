using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Persistence;
using Orleans.Streams;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Conversations;

public sealed class ConversationGrain(
    [PersistentState("conversation")] IPersistentState<ConversationState> state,
    IConversationInbox inbox,
    DomainClock clock,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain
{
    private ConversationAddress Address => ConversationKey.Parse(this.GetPrimaryKeyString());

    public async Task<ConversationMessage> PostAsync(NewMessage message)
    {
        if (MessageRules.TextProblem(message.Text, message.Attachments.Count) is { } problem) throw new ArgumentException(problem, nameof(message));
        if (message.Attachments.Count > MessageRules.MaxAttachments) throw new ArgumentException("Too many attachments.", nameof(message));
        if (message.Internal && message.Author.Kind != AuthorKind.Team) throw new ArgumentException("Only the team writes internal notes.", nameof(message));

        state.State.CustomerId ??= await OwnerAsync();
        var stored = new ConversationMessage(TenantKeys.NewId(), message.Author, message.Text.Trim(), [.. message.Attachments], clock.GetUtcNow(), message.Internal);
        state.State.Messages.Add(stored);
        // Whoever writes has read the thread up to their own message.
        SetReadCount(ReaderOf(message.Author), state.State.Messages.Count);
        await state.WriteStateAsync();

        // Stored: the inbox row and the live event follow, and their failure is not the message's.
        await this.RunAfterStoredAsync(logger, "updating the team inbox", UpdateIndexAsync);
        await this.RunAfterStoredAsync(logger, "publishing the message", () => this.GetStreamProvider(ConversationStreams.ProviderName)
            .GetStream<ConversationMessagePosted>(ConversationStreams.ForTenant(Address.TenantId))
            .OnNextAsync(new ConversationMessagePosted(this.GetPrimaryKeyString(), state.State.CustomerId, stored)));
        return stored;
    }

    public Task<MessagePage> GetPageAsync(ConversationReader reader, string? before, int size)
    {
        if (size is < 1 or > MessageRules.MaxPageSize) throw new ArgumentOutOfRangeException(nameof(size));
        var visible = Visible(reader).ToList();
        var end = before is null ? visible.Count : visible.FindIndex(m => m.Id == before);
        if (end < 0) throw new NotFoundException($"No message {before} in this conversation.");
        var start = Math.Max(0, end - size);
        var page = visible[start..end];
        return Task.FromResult(new MessagePage(page, start > 0 ? page[0].Id : null));
    }

    public Task<ConversationSummary> GetSummaryAsync(ConversationReader reader) => Task.FromResult(Summary(reader));

    public async Task<ConversationSummary> MarkReadAsync(ConversationReader reader, string upToMessageId)
    {
        var position = state.State.Messages.FindIndex(m => m.Id == upToMessageId && MaySee(reader, m));
        if (position < 0) throw new NotFoundException($"No message {upToMessageId} in this conversation.");
        if (position + 1 > ReadCount(reader))
        {
            SetReadCount(reader, position + 1);
            await state.WriteStateAsync();
            if (reader.Kind == AuthorKind.Team) await this.RunAfterStoredAsync(logger, "updating the team inbox", UpdateIndexAsync);
        }

        return Summary(reader);
    }

    public Task<MessageAttachment> GetAttachmentAsync(ConversationReader reader, string attachmentId) =>
        Task.FromResult(Visible(reader).SelectMany(m => m.Attachments).FirstOrDefault(a => a.Id == attachmentId)
            ?? throw new NotFoundException($"No attachment {attachmentId} in this conversation."));

    // A job thread belongs to the job's customer; asking the ticket also refuses threads for jobs that do not exist.
    private async Task<string> OwnerAsync()
    {
        var address = Address;
        if (address.Kind == ConversationKind.Customer) return address.LocalId;
        var ticket = await GrainFactory.GetGrain<ITicketGrain>(TenantKeys.For(address.TenantId, address.LocalId)).GetAsync();
        return ticket.Details.CustomerId;
    }

    private Task UpdateIndexAsync() =>
        inbox.UpdateAsync(Address.TenantId,
            new ThreadActivity(Address.ThreadId, state.State.CustomerId!, state.State.Messages[^1].SentAt, Unread(ConversationReader.Team)));

    private ConversationSummary Summary(ConversationReader reader) =>
        new(Address.ThreadId, Unread(reader), Visible(reader).LastOrDefault());

    private int Unread(ConversationReader reader) =>
        state.State.Messages.Skip(ReadCount(reader)).Count(m => MaySee(reader, m) && ReaderOf(m.Author) != reader);

    private IEnumerable<ConversationMessage> Visible(ConversationReader reader) => state.State.Messages.Where(m => MaySee(reader, m));

    private static bool MaySee(ConversationReader reader, ConversationMessage message) => reader.SeesInternal || !message.Internal;

    // The team is one reader: a dispatcher's message is "read" for every dispatcher.
    private static ConversationReader ReaderOf(MessageAuthor author) =>
        author.Kind == AuthorKind.Team ? ConversationReader.Team : ConversationReader.Contact(author.ContactId!);

    private int ReadCount(ConversationReader reader) =>
        reader.Kind == AuthorKind.Team ? state.State.TeamReadCount : state.State.ContactReadCounts.GetValueOrDefault(reader.ContactId!);

    private void SetReadCount(ConversationReader reader, int count)
    {
        if (reader.Kind == AuthorKind.Team) state.State.TeamReadCount = count;
        else state.State.ContactReadCounts[reader.ContactId!] = count;
    }
}
