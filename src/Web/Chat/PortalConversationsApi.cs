using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Portal;

namespace OrleansPortal.Web.Chat;

/// <summary>
/// The signed-in contact's conversations with the company: their customer's general thread and one thread per job
/// they may see (<see cref="ChatAccess"/>). Every route re-checks access, so a changed grant applies at once; a thread
/// the contact may not open answers 404 whether it exists or not. Internal notes never appear here.
/// </summary>
public static class PortalConversationsApi
{
    public static RouteGroupBuilder MapPortalConversationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(ChatMessageMapping.PortalBase).WithTags("Portal chat").RequireAuthorization(PortalClaims.CustomerPolicy);
        group.MapGet("/", ListAsync).WithSummary("The contact's threads (general first, then one per visible job), with unread counts.");
        group.MapGet("/availability", AvailabilityAsync).WithSummary("Whether the team is online, away or offline for chat now (not who).");
        group.MapGet("/{threadId}/messages", PageAsync).WithSummary("A page of the thread, newest page first; pass `before` (the previous page's cursor) for older ones.");
        group.MapPost("/{threadId}/messages", PostAsync)
            .Accepts<PostMessageRequest>("application/json", "multipart/form-data").WithRequestBodyLimit(PostedMessage.MaxRequestBytes)
            .WithSummary("Posts a message: JSON {text}, or multipart with `text` and up to 4 images (JPEG, PNG, WebP; 5 MB each).")
            .DisableAntiforgery(); // the form is read by hand; CrossSiteRequestGuard refuses other sites' posts
        group.MapPost("/{threadId}/read", MarkReadAsync).WithSummary("Marks the thread read up to a message, for this contact.");
        group.MapGet("/{threadId}/attachments/{attachmentId}", AttachmentAsync).WithSummary("An image of a message in the thread.");
        return group;
    }

    private static async Task<Ok<ChatAvailabilityDto>> AvailabilityAsync(ClaimsPrincipal user, IClusterClient grains) =>
        TypedResults.Ok(new ChatAvailabilityDto((await grains.GetGrain<Grains.Conversations.Presence.IChatPresenceGrain>(user.GetTenantId()).GetAsync()).Status.ToString(), []));

    private static async Task<Ok<PortalThreadDto[]>> ListAsync(ClaimsPrincipal user, IClusterClient grains)
    {
        var tenantId = user.GetTenantId();
        var reader = Reader(user);
        var jobs = await PortalAccess.VisibleJobsAsync(grains, user);
        var threads = new List<(ConversationAddress Address, string Title, string? TicketId)>
        {
            (new ConversationAddress(tenantId, ConversationKind.Customer, user.GetCustomerId()), "General", null),
        };
        threads.AddRange(jobs.Select(j => (new ConversationAddress(tenantId, ConversationKind.Job, j.TicketId), JobTitle(j.Details), (string?)j.TicketId)));
        var summaries = await Task.WhenAll(threads.Select(t => ChatOperations.Conversation(grains, t.Address).GetSummaryAsync(reader)));
        return TypedResults.Ok(threads.Zip(summaries, (t, s) => new PortalThreadDto(
            t.Address.ThreadId, t.Address.Kind.ToString(), t.Title, t.TicketId, s.Unread, s.Last?.AsDto(t.Address.ThreadId, ChatAudience.Customer))).ToArray());
    }

    private static async Task<Results<Ok<ChatPageDto>, NotFound, ValidationProblem>> PageAsync(
        string threadId, string? before, int? size, ClaimsPrincipal user, IClusterClient grains) =>
        await ChatAccess.ForCustomerAsync(grains, user, threadId) is { } address
            ? await ChatOperations.PageAsync(grains, address, Reader(user), ChatAudience.Customer, before, size)
            : TypedResults.NotFound();

    private static async Task<Results<Created<ChatMessageDto>, NotFound, ValidationProblem, ProblemHttpResult>> PostAsync(
        string threadId, HttpRequest request, ClaimsPrincipal user, IClusterClient grains, AttachmentStore store, Support.Cases.OfflineChatCases offline)
    {
        // Access before the body is read: nothing of a refused caller's upload is looked at or kept.
        if (await ChatAccess.ForCustomerAsync(grains, user, threadId) is not { } address) return TypedResults.NotFound();
        var author = MessageAuthor.Customer(user.GetContactId(), user.Identity?.Name ?? "Customer");
        var result = await ChatOperations.PostAsync(request, grains, store, address, author, ChatAudience.Customer);
        if (result.Result is Created<ChatMessageDto> { Value: { } posted })
            await offline.AfterCustomerMessageAsync(address, posted.Id, posted.Text, posted.Attachments.Length, author);
        return result;
    }

    private static async Task<Results<Ok<ReadStateDto>, NotFound, ValidationProblem>> MarkReadAsync(
        string threadId, MarkReadRequest request, ClaimsPrincipal user, IClusterClient grains) =>
        await ChatAccess.ForCustomerAsync(grains, user, threadId) is { } address
            ? await ChatOperations.MarkReadAsync(grains, address, Reader(user), request)
            : TypedResults.NotFound();

    private static async Task<Results<FileStreamHttpResult, NotFound>> AttachmentAsync(
        string threadId, string attachmentId, HttpContext http, ClaimsPrincipal user, IClusterClient grains, AttachmentStore store) =>
        await ChatAccess.ForCustomerAsync(grains, user, threadId) is { } address
            ? await ChatOperations.AttachmentAsync(http, grains, store, address, Reader(user), attachmentId)
            : TypedResults.NotFound();

    private static ConversationReader Reader(ClaimsPrincipal user) => ConversationReader.Contact(user.GetContactId());

    internal static string JobTitle(Grains.Tickets.NewTicket job) =>
        string.IsNullOrWhiteSpace(job.Description) ? job.Address : $"{job.Description} · {job.Address}";
}
