using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Support.Widget;

/// <summary>
/// Chat in the widget, for a verified visitor only: the customer's general conversation with the team, the same thread
/// the portal shows as "General" (so the team answers it from its inbox as any other), read and written by that contact.
/// Text only; images stay in the portal. An unverified session is refused (403) whatever it asks: it reads no history.
/// </summary>
public static class WidgetChatApi
{
    public const int PageSize = 30;

    public static void MapWidgetChatApi(this RouteGroupBuilder widget)
    {
        widget.MapGet("/chat", PageAsync).WithSummary($"A verified visitor's conversation with the team: the newest {PageSize} messages, oldest first (older ones with `before`).");
        widget.MapPost("/chat", PostAsync).WithSummary("Posts a verified visitor's message to their conversation with the team: {text}.");
    }

    private static async Task<Results<Ok<WidgetChatPageDto>, NotFound, ProblemHttpResult>> PageAsync(
        string tenant, [MaxLength(InputLimits.Id)] string? before, HttpRequest http, WidgetTokens tokens, WidgetOriginPolicy origins, IClusterClient grains)
    {
        var (session, refusal) = await WidgetApi.VerifiedSessionAsync(tenant, http, tokens, origins);
        if (session is null) return refusal!;
        if (before is not null && !ResourceId.IsValid(before)) return TypedResults.NotFound();
        try
        {
            var page = await Thread(grains, session).GetPageAsync(ConversationReader.Contact(session.ContactId!), before, PageSize);
            return TypedResults.Ok(new WidgetChatPageDto([.. page.Messages.Where(m => !m.Internal).Select(m => m.AsWidgetDto(session.ContactId!))], page.Before));
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound(); // a cursor that is not a message this contact sees
        }
    }

    private static async Task<Results<Created<WidgetChatMessageDto>, ValidationProblem, ProblemHttpResult>> PostAsync(
        string tenant, WidgetChatRequest request, HttpRequest http, WidgetTokens tokens, WidgetOriginPolicy origins, IClusterClient grains)
    {
        var validation = new RequestValidation().Text(request.Text, "text", MessageRules.MaxTextLength, $"A message, 1 to {MessageRules.MaxTextLength} characters.", multiline: true);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var (session, refusal) = await WidgetApi.VerifiedSessionAsync(tenant, http, tokens, origins);
        if (session is null) return refusal!;
        var contact = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenant, session.CustomerId!)).GetContactAsync(session.ContactId!);
        var posted = await Thread(grains, session).PostAsync(new NewMessage(MessageAuthor.Customer(contact.ContactId, contact.Name), request.Text!.Trim(), [], Internal: false));
        return TypedResults.Created($"/api/v1/widget/{tenant}/chat", posted.AsWidgetDto(session.ContactId!));
    }

    private static IConversationGrain Thread(IClusterClient grains, WidgetSession session) =>
        ChatOperations.Conversation(grains, new ConversationAddress(session.TenantId, ConversationKind.Customer, session.CustomerId!));
}

public sealed record WidgetChatRequest([property: MaxLength(MessageRules.MaxTextLength)] string? Text);

/// <param name="Mine">Written by this visitor (else by the team, or another contact of the same customer).</param>
/// <param name="Images">How many images the message carries: they are shown in the portal, not in the widget.</param>
public sealed record WidgetChatMessageDto(string Id, string AuthorKind, string AuthorName, bool Mine, string Text, int Images, DateTimeOffset SentAt);

/// <param name="Before">The cursor of the next older page, or null at the start of the conversation.</param>
public sealed record WidgetChatPageDto(WidgetChatMessageDto[] Messages, string? Before);

public static class WidgetChatMapping
{
    public static WidgetChatMessageDto AsWidgetDto(this ConversationMessage m, string contactId) =>
        new(m.Id, m.Author.Kind.ToString(), m.Author.DisplayName, m.Author.ContactId == contactId, m.Text, m.Attachments.Count, m.SentAt);
}
