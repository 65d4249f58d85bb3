using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Notifications.InApp;

/// <summary>The signed-in contact's notification centre (the bell). Whose it is comes from the session only.</summary>
public static class PortalNotificationsApi
{
    public const int ListSize = 30;

    public static RouteGroupBuilder MapPortalNotificationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/portal/notifications").WithTags("Portal").RequireAuthorization(PortalClaims.CustomerPolicy);
        group.MapGet("/", ListAsync).WithSummary($"The contact's latest {ListSize} notifications, newest first, and how many are unread.");
        group.MapPost("/{id}/read", ReadAsync).WithSummary("Marks one of the contact's notifications read (204 whatever the id names, so ids cannot be probed).");
        group.MapPost("/read", ReadAllAsync).WithSummary("Marks every notification of the contact read.");
        return group;
    }

    private static async Task<Ok<PortalNotificationsDto>> ListAsync(ClaimsPrincipal user, INotificationOutbox outbox, CancellationToken cancellationToken)
    {
        var (tenant, customer, contact) = (user.GetTenantId(), user.GetCustomerId(), user.GetContactId());
        var items = await outbox.InAppForContactAsync(tenant, customer, contact, ListSize, cancellationToken);
        var unread = await outbox.UnreadInAppAsync(tenant, customer, contact, cancellationToken);
        return TypedResults.Ok(new PortalNotificationsDto([.. items.Select(i => i.AsDto())], unread));
    }

    /// <summary>
    /// Marks the notification read if it is this contact's. The answer is the same whether it was, was already read, or
    /// is someone else's: afterwards, none of the contact's notifications with that id is unread, and no id can be probed.
    /// </summary>
    private static async Task<Results<NoContent, NotFound>> ReadAsync(string id, ClaimsPrincipal user, INotificationOutbox outbox, DomainClock clock, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var messageId)) return TypedResults.NotFound();
        await outbox.MarkInAppReadAsync(user.GetTenantId(), user.GetCustomerId(), user.GetContactId(), messageId, clock.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ReadAllAsync(ClaimsPrincipal user, INotificationOutbox outbox, DomainClock clock, CancellationToken cancellationToken)
    {
        await outbox.MarkInAppReadAsync(user.GetTenantId(), user.GetCustomerId(), user.GetContactId(), null, clock.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }
}
