using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Notifications.Timeline;

/// <summary>Each customer's communication timeline, for the team: every message queued for them, its status and its delivery log.</summary>
public static class CommunicationsApi
{
    public const int TimelineSize = 100;

    public static RouteGroupBuilder MapCommunicationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/customers/{customerId}/communications").WithTags("Notifications").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/", TimelineAsync).WithSummary($"The customer's latest {TimelineSize} messages, newest first, on every channel.");
        group.MapGet("/{id}/deliveries", DeliveriesAsync).WithSummary("One message's delivery log, oldest first.");
        return group;
    }

    private static async Task<Results<Ok<CommunicationDto[]>, NotFound>> TimelineAsync(string customerId, ClaimsPrincipal user, IClusterClient grains, INotificationOutbox outbox, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(grains, user, customerId)) return TypedResults.NotFound();
        var messages = await outbox.ForCustomerAsync(user.GetTenantId(), customerId, TimelineSize, cancellationToken);
        return TypedResults.Ok(messages.Select(m => m.AsDto()).ToArray());
    }

    private static async Task<Results<Ok<DeliveryStepDto[]>, NotFound>> DeliveriesAsync(string customerId, string id, ClaimsPrincipal user, IClusterClient grains, INotificationOutbox outbox, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var messageId) || !await ExistsAsync(grains, user, customerId)) return TypedResults.NotFound();
        var message = await outbox.GetAsync(user.GetTenantId(), messageId, cancellationToken);
        if (message?.Message.CustomerId != customerId) return TypedResults.NotFound();
        var steps = await outbox.StepsAsync(user.GetTenantId(), messageId, cancellationToken);
        return TypedResults.Ok(steps.Select(s => s.AsDto()).ToArray());
    }

    private static async Task<bool> ExistsAsync(IClusterClient grains, ClaimsPrincipal user, string customerId)
    {
        if (!ResourceId.IsValid(customerId)) return false;
        try
        {
            await grains.GetGrain<ICustomerGrain>(TenantKeys.For(user.GetTenantId(), customerId)).GetAsync();
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
