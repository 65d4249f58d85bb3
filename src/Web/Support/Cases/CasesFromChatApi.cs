using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Support.Cases;

/// <summary>
/// The team turns a chat conversation into a support case: the customer's thread (or a job's) becomes a case of that
/// customer, opened as the contact who wrote last (so the acknowledgement and the answers reach them), with the
/// conversation's latest messages as its text, and a note in the thread naming the case. The case's id comes from the
/// thread and its newest message, so pressing twice opens one case.
/// </summary>
public static class CasesFromChatApi
{
    /// <summary>How many of the thread's latest messages the case carries.</summary>
    public const int TranscriptMessages = 20;

    public static void MapCasesFromChatApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/support/cases/from-chat", OpenAsync).WithTags("Support").RequireAuthorization(PortalClaims.DispatcherPolicy)
            .WithSummary("Opens a case from a chat thread (\"customer:{id}\" or \"job:{id}\"): its customer, its latest messages, the contact who wrote last. 409 for a thread with no message.");

    private static async Task<Results<Created<CaseDto>, NotFound, ValidationProblem, ProblemHttpResult>> OpenAsync(
        CaseFromChatRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        var validation = new RequestValidation()
            .Require(CaseRules.SubjectProblem(request.Subject) is null, "subject", $"A subject of 1 to {CaseRules.MaxSubjectLength} characters is required.");
        var category = CaseCategory.Question;
        var priority = CasePriority.Normal;
        validation.Require(request.Category is null || EnumName.TryParse(request.Category, out category), "category", $"The category is one of {string.Join(", ", Enum.GetNames<CaseCategory>())}.");
        validation.Require(request.Priority is null || EnumName.TryParse(request.Priority, out priority), "priority", $"The priority is one of {string.Join(", ", Enum.GetNames<CasePriority>())}.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        if (request.ThreadId is null || await ChatAccess.ForTeamAsync(grains, user, request.ThreadId) is not { } address) return TypedResults.NotFound();

        var tenantId = user.GetTenantId();
        var conversation = grains.GetGrain<IConversationGrain>(TenantKeys.For(tenantId, request.ThreadId));
        var messages = (await conversation.GetPageAsync(ConversationReader.Team, null, TranscriptMessages)).Messages
            .Where(m => !m.Internal).OrderBy(m => m.SentAt).ToList();
        if (messages.Count == 0)
            return TypedResults.Problem(title: "Nothing to open a case from.", detail: "This conversation has no message yet.", statusCode: StatusCodes.Status409Conflict);

        var (customerId, ticketId) = await ChatThreadCustomer.OfAsync(grains, address);

        var me = MessageAuthor.Team(user.GetEmail(), user.Identity?.Name ?? user.GetEmail());
        var author = messages.LastOrDefault(m => m.Author.Kind == AuthorKind.Customer && m.Author.ContactId is not null)?.Author ?? me;
        var zone = TimeZoneInfo.FindSystemTimeZoneById((await grains.GetGrain<IDispatchGrain>(tenantId).GetSettingsAsync()).TimeZone);
        var caseId = CaseIdFor(request.ThreadId, messages[^1].Id);
        var grain = grains.GetGrain<ICaseGrain>(TenantKeys.For(tenantId, caseId));
        var existed = await ExistsAsync(grain);
        var opened = await grain.OpenAsync(new NewCase(
            customerId, author, CaseChannel.Chat, category, priority, request.Subject!.Trim(), Transcript(messages, zone), [], TicketId: ticketId, SourceId: messages[^1].Id));
        if (!existed)
            await conversation.PostAsync(new NewMessage(me, $"Case {opened.DisplayNumber} opened from this conversation: {opened.Subject}", [], Internal: true));
        return TypedResults.Created($"/api/v1/support/cases/{caseId}", opened.AsDto());
    }

    /// <summary>
    /// The messages as the case's text, oldest first, each as "Name, 14:05: text"; when they do not fit, the oldest go
    /// first (the latest say why the case is opened). Images are named, not copied: a case carries no chat image yet.
    /// </summary>
    public static string Transcript(IReadOnlyList<ConversationMessage> messages, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var lines = messages.Select(m =>
        {
            var at = TimeZoneInfo.ConvertTime(m.SentAt, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var images = m.Attachments.Count == 0 ? "" : $" [{m.Attachments.Count} image{(m.Attachments.Count == 1 ? "" : "s")} in the chat]";
            return $"{m.Author.DisplayName}, {at}: {m.Text}{images}";
        }).ToList();
        while (lines.Count > 1 && string.Join("\n\n", lines).Length > CaseRules.MaxTextLength) lines.RemoveAt(0);
        var text = string.Join("\n\n", lines);
        return text.Length <= CaseRules.MaxTextLength ? text : text[^CaseRules.MaxTextLength..];
    }

    private static async Task<bool> ExistsAsync(ICaseGrain grain)
    {
        try
        {
            await grain.GetAsync(ConversationReader.Team);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private static string CaseIdFor(string threadId, string lastMessageId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"chat:{threadId}:{lastMessageId}")))[..32];
}

/// <param name="ThreadId">"customer:{customerId}" or "job:{ticketId}", as the chat inbox names it.</param>
public sealed record CaseFromChatRequest(
    [property: MaxLength(80)] string? ThreadId,
    [property: MaxLength(CaseRules.MaxSubjectLength)] string? Subject,
    [property: MaxLength(20)] string? Category,
    [property: MaxLength(20)] string? Priority);
