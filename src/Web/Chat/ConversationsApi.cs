using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Chat;

/// <summary>
/// The company team's side of chat: the inbox of threads with their unread counts, reading, replying, internal notes
/// (which customers never receive) and the team's shared read marker. Threads of another company answer 404.
/// </summary>
public static class ConversationsApi
{
    private const int InboxLimit = 200;

    public static RouteGroupBuilder MapConversationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(ChatMessageMapping.TeamBase).WithTags("Chat").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/", ListAsync).WithSummary("The company's threads with messages, newest activity first, with the team's unread counts.");
        group.MapGet("/availability", AvailabilityAsync).WithSummary("Who of the team is online or away for chat now (as their chat connections report it).");
        group.MapGet("/{threadId}/messages", PageAsync).WithSummary("A page of the thread, internal notes included, newest page first.");
        group.MapPost("/{threadId}/messages", PostAsync)
            .Accepts<PostMessageRequest>("application/json", "multipart/form-data").WithRequestBodyLimit(PostedMessage.MaxRequestBytes)
            .WithSummary("Posts a reply, or an internal note with `internal: true` (JSON or multipart with images).")
            .DisableAntiforgery(); // the form is read by hand; CrossSiteRequestGuard refuses other sites' posts
        group.MapPost("/{threadId}/read", MarkReadAsync).WithSummary("Marks the thread read up to a message, for the whole team.");
        group.MapGet("/{threadId}/attachments/{attachmentId}", AttachmentAsync).WithSummary("An image of a message in the thread.");
        return group;
    }

    private static async Task<Ok<TeamThreadDto[]>> ListAsync(ClaimsPrincipal user, IClusterClient grains, IConversationInbox inbox)
    {
        var tenantId = user.GetTenantId();
        return TypedResults.Ok(await TeamThreads.DescribeAsync(grains, tenantId, await inbox.ListAsync(tenantId, InboxLimit)));
    }

    private static async Task<Ok<ChatAvailabilityDto>> AvailabilityAsync(ClaimsPrincipal user, IClusterClient grains)
    {
        var availability = await grains.GetGrain<Grains.Conversations.Presence.IChatPresenceGrain>(user.GetTenantId()).GetAsync();
        return TypedResults.Ok(new ChatAvailabilityDto(availability.Status.ToString(), [.. availability.Agents.Select(a => new ChatAgentDto(a.Name, a.Status.ToString()))]));
    }

    private static async Task<Results<Ok<ChatPageDto>, NotFound, ValidationProblem>> PageAsync(
        string threadId, string? before, int? size, ClaimsPrincipal user, IClusterClient grains) =>
        await ChatAccess.ForTeamAsync(grains, user, threadId) is { } address
            ? await ChatOperations.PageAsync(grains, address, ConversationReader.Team, ChatAudience.Team, before, size)
            : TypedResults.NotFound();

    private static async Task<Results<Created<ChatMessageDto>, NotFound, ValidationProblem, ProblemHttpResult>> PostAsync(
        string threadId, HttpRequest request, ClaimsPrincipal user, IClusterClient grains, AttachmentStore store)
    {
        if (await ChatAccess.ForTeamAsync(grains, user, threadId) is not { } address) return TypedResults.NotFound();
        var author = MessageAuthor.Team(user.GetEmail(), user.Identity?.Name ?? user.GetEmail());
        return await ChatOperations.PostAsync(request, grains, store, address, author, ChatAudience.Team);
    }

    private static async Task<Results<Ok<ReadStateDto>, NotFound, ValidationProblem>> MarkReadAsync(
        string threadId, MarkReadRequest request, ClaimsPrincipal user, IClusterClient grains) =>
        await ChatAccess.ForTeamAsync(grains, user, threadId) is { } address
            ? await ChatOperations.MarkReadAsync(grains, address, ConversationReader.Team, request)
            : TypedResults.NotFound();

    private static async Task<Results<FileStreamHttpResult, NotFound>> AttachmentAsync(
        string threadId, string attachmentId, HttpContext http, ClaimsPrincipal user, IClusterClient grains, AttachmentStore store) =>
        await ChatAccess.ForTeamAsync(grains, user, threadId) is { } address
            ? await ChatOperations.AttachmentAsync(http, grains, store, address, ConversationReader.Team, attachmentId)
            : TypedResults.NotFound();
}
