using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Notifications.Templates;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Notifications.Templates;

namespace OrleansPortal.Web.Notifications.Composer;

/// <summary>
/// The team's composer: one message to one contact of a customer, from a template or as free text. It is queued in the
/// outbox under a fresh delivery key, so it is sent, retried, held or suppressed by the same rules as the triggered
/// messages and shows in the customer's timeline with its delivery log. Another company's customer is 404.
/// </summary>
public static partial class CustomerMessagesApi
{
    public static RouteGroupBuilder MapCustomerMessagesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/customers/{customerId}/messages").WithTags("Notifications").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapPost("/", SendAsync)
            .WithSummary("Queues a message to one of the customer's contacts (202 with its id); 400 naming contactId, channel, trigger, subject or text.");
        group.MapPost("/preview", PreviewAsync)
            .WithSummary("The message as it would be sent, not queued: subject, HTML, text, and for SMS its encoding, characters and segments.");
        return group;
    }

    private static async Task<Results<Accepted<MessageAcceptedDto>, NotFound, ValidationProblem>> SendAsync(
        string customerId, SendMessageRequest request, ClaimsPrincipal user, IClusterClient grains, CustomerMessageComposer composer,
        INotificationOutbox outbox, OutboxSignal signal, DomainClock clock, ILogger<CustomerMessageComposer> logger, CancellationToken cancellationToken)
    {
        var tenantId = user.GetTenantId();
        if (await CustomerAsync(grains, tenantId, customerId) is not { } customer) return TypedResults.NotFound();
        var composed = await composer.ComposeAsync(tenantId, customer, request, sending: true);
        if (composed.Message is not { } message) return TypedResults.ValidationProblem(composed.Problems);

        // The key is fresh, so the insert always stores a row: two clicks are two messages, as the dispatcher asked twice.
        var id = await outbox.EnqueueAsync(message, clock.GetUtcNow(), cancellationToken) ?? throw new InvalidOperationException("A fresh delivery key was already taken.");
        signal.Raise();
        LogQueued(logger, message.Trigger.ToString(), message.Channel.ToString(), customerId);
        var messageId = id.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Accepted($"/api/v1/customers/{customerId}/communications/{messageId}/deliveries", new MessageAcceptedDto(messageId));
    }

    private static async Task<Results<Ok<PreviewDto>, NotFound, ValidationProblem>> PreviewAsync(
        string customerId, SendMessageRequest request, ClaimsPrincipal user, IClusterClient grains, CustomerMessageComposer composer)
    {
        var tenantId = user.GetTenantId();
        if (await CustomerAsync(grains, tenantId, customerId) is not { } customer) return TypedResults.NotFound();
        var composed = await composer.ComposeAsync(tenantId, customer, request, sending: false);
        if (composed.Problems.Count > 0 || composed.Rendered is not { } rendered) return TypedResults.ValidationProblem(composed.Problems);
        var sms = composed.Message!.Channel == NotificationChannel.Sms ? SmsLength.Measure(rendered.Text) : null;
        return TypedResults.Ok(new PreviewDto(rendered.Subject, rendered.Html, rendered.Text,
            sms is null ? null : new SmsLengthDto(sms.Encoding, sms.Characters, sms.Segments, SmsLength.NonGsmCharacters(rendered.Text))));
    }

    private static async Task<CustomerSnapshot?> CustomerAsync(IClusterClient grains, string tenantId, string customerId)
    {
        if (!ResourceId.IsValid(customerId)) return null;
        try
        {
            return await grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenantId, customerId)).GetAsync();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The team queued a {Trigger} message by {Channel} for customer {CustomerId}")]
    private static partial void LogQueued(ILogger logger, string trigger, string channel, string customerId);
}
