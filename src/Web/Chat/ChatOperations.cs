using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Web.Uploads;

namespace OrleansPortal.Web.Chat;

/// <summary>
/// What the portal's and the team's conversation APIs do once they have decided the caller may open the thread: both
/// sides read, post, mark read and download the same way, differing only in the reader, the author and the audience.
/// </summary>
public static class ChatOperations
{
    public static IConversationGrain Conversation(IClusterClient grains, ConversationAddress address) =>
        grains.GetGrain<IConversationGrain>(address.Key);

    public static async Task<Results<Ok<ChatPageDto>, NotFound, ValidationProblem>> PageAsync(
        IClusterClient grains, ConversationAddress address, ConversationReader reader, ChatAudience audience, string? before, int? size)
    {
        var pageSize = size ?? MessageRules.DefaultPageSize;
        if (pageSize is < 1 or > MessageRules.MaxPageSize)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["size"] = [$"The page size must be between 1 and {MessageRules.MaxPageSize}."] });
        if (before is not null && !Hosting.ResourceId.IsValid(before)) return TypedResults.NotFound();
        try
        {
            var page = await Conversation(grains, address).GetPageAsync(reader, before, pageSize);
            return TypedResults.Ok(new ChatPageDto([.. page.Messages.Select(m => m.AsDto(address.ThreadId, audience))], page.Before));
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound(); // a cursor that is not a message this reader sees
        }
    }

    public static async Task<Results<Created<ChatMessageDto>, NotFound, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpRequest request, IClusterClient grains, AttachmentStore store, ConversationAddress address, MessageAuthor author, ChatAudience audience)
    {
        var (posted, refusal) = await PostedMessage.ReadAsync(request, request.HttpContext.RequestAborted);
        if (posted is null) return refusal!.Validation is { } validation ? validation : refusal.Problem!;
        // Internal notes are the team's: a customer's post never is one, whatever it sent.
        var isInternal = posted.Internal && audience == ChatAudience.Team;

        // Every check is done before the first file is written, so a refused post leaves nothing behind.
        var attachments = new List<MessageAttachment>();
        foreach (var image in posted.Images)
        {
            var id = await store.SaveAsync(address.TenantId, image.Bytes, request.HttpContext.RequestAborted);
            attachments.Add(new MessageAttachment(id, image.ContentType, image.Bytes.Length, UploadResults.FileName(id, image.ContentType)));
        }

        var message = await Conversation(grains, address).PostAsync(new NewMessage(author, posted.Text, attachments, isInternal));
        var dto = message.AsDto(address.ThreadId, audience);
        return TypedResults.Created($"{(audience == ChatAudience.Customer ? ChatMessageMapping.PortalBase : ChatMessageMapping.TeamBase)}/{address.ThreadId}/messages", dto);
    }

    public static async Task<Results<Ok<ReadStateDto>, NotFound, ValidationProblem>> MarkReadAsync(
        IClusterClient grains, ConversationAddress address, ConversationReader reader, MarkReadRequest request)
    {
        if (string.IsNullOrEmpty(request.UpTo))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["upTo"] = ["The id of the newest message read is required."] });
        if (!Hosting.ResourceId.IsValid(request.UpTo)) return TypedResults.NotFound();
        try
        {
            var summary = await Conversation(grains, address).MarkReadAsync(reader, request.UpTo);
            return TypedResults.Ok(new ReadStateDto(address.ThreadId, summary.Unread));
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> AttachmentAsync(
        HttpContext http, IClusterClient grains, AttachmentStore store, ConversationAddress address, ConversationReader reader, string attachmentId)
    {
        if (!Hosting.ResourceId.IsValid(attachmentId)) return TypedResults.NotFound();
        MessageAttachment attachment;
        try
        {
            // Through the conversation: the file is served only as part of a message this reader may see.
            attachment = await Conversation(grains, address).GetAttachmentAsync(reader, attachmentId);
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }

        var content = store.OpenRead(address.TenantId, attachment.Id);
        if (content is null) return TypedResults.NotFound();
        return UploadResults.Serve(http.Response, content, attachment.ContentType, attachment.Id);
    }
}

public sealed record MarkReadRequest([property: MaxLength(InputLimits.Id)] string? UpTo);
