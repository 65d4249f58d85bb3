using System.Security.Cryptography;
using System.Text;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Conversations.Presence;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Grains.Support.Routing;

namespace OrleansPortal.Web.Support.Cases;

/// <summary>
/// When the company asks for it (<see cref="SupportRoutingSettings.OfflineChatToCase"/>), a customer's chat message
/// sent while nobody of the team is online opens a case: one per thread and day (in the company's time zone), which the
/// day's later offline messages join, and an automatic answer in the chat names it. The team then answers the case
/// (by email, and in the portal); the chat is not kept waiting for someone who is not there.
/// </summary>
public sealed partial class OfflineChatCases(IClusterClient grains, DomainClock clock, ILogger<OfflineChatCases> logger)
{
    public static readonly MessageAuthor AutomaticReply = new(AuthorKind.Team, "Automatic reply", null, null);

    /// <summary>After a customer's message is stored: a failure here is logged and the message stands (it was posted).</summary>
    public async Task AfterCustomerMessageAsync(ConversationAddress address, string messageId, string text, int images, MessageAuthor author)
    {
        try
        {
            var routing = await grains.GetGrain<ISupportRoutingGrain>(address.TenantId).GetAsync();
            if (!routing.OfflineChatToCase) return;
            if ((await grains.GetGrain<IChatPresenceGrain>(address.TenantId).GetAsync()).Status != AgentStatus.Offline) return;
            await FileAsync(address, messageId, Body(text, images), author);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, address.ThreadId);
        }
    }

    private async Task FileAsync(ConversationAddress address, string messageId, string body, MessageAuthor author)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById((await grains.GetGrain<IDispatchGrain>(address.TenantId).GetSettingsAsync()).TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var caseId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"offline-chat:{address.ThreadId}:{day:yyyy-MM-dd}")))[..32];
        var grain = grains.GetGrain<ICaseGrain>(TenantKeys.For(address.TenantId, caseId));
        CaseSnapshot? existing;
        try
        {
            existing = await grain.GetAsync(ConversationReader.Team);
        }
        catch (NotFoundException)
        {
            existing = null;
        }

        if (existing is not null)
        {
            // The same day's case takes the message (once: its id is the source), unless the team closed it already.
            if (existing.Status != CaseStatus.Closed) await grain.ReplyAsync(new CaseReply(author, body, [], SourceId: messageId));
            return;
        }

        var (customerId, ticketId) = await ChatThreadCustomer.OfAsync(grains, address);

        var opened = await grain.OpenAsync(new NewCase(customerId, author, CaseChannel.Chat, CaseCategory.Question, CasePriority.Normal,
            "Chat message while nobody was online", body, [], TicketId: ticketId, SourceId: messageId));
        await grains.GetGrain<IConversationGrain>(address.Key).PostAsync(new NewMessage(AutomaticReply,
            $"Nobody of the team is online right now. We have opened request {opened.DisplayNumber} with your message and will answer you by email as soon as we are back.",
            [], Internal: false));
    }

    private static string Body(string text, int images)
    {
        var body = string.IsNullOrWhiteSpace(text) ? "" : text.Trim();
        var note = images == 0 ? "" : $"[{images} image{(images == 1 ? "" : "s")} in the chat]";
        var joined = body.Length == 0 ? note : note.Length == 0 ? body : $"{body}\n\n{note}";
        return joined.Length <= CaseRules.MaxTextLength ? joined : joined[..CaseRules.MaxTextLength];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A chat message of {ThreadId} was stored while nobody was online, but its case could not be filed")]
    private partial void LogFailed(Exception exception, string threadId);
}
