using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.OptOuts;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Notifications.Timeline;

/// <summary>Each customer's communication timeline, for the team: every message queued for them, its status and its delivery log, and the opt-outs of the contacts' addresses.</summary>
public static class CommunicationsApi
{
    public const int TimelineSize = 100;

    public const int OptOutHistorySize = 50;

    public static RouteGroupBuilder MapCommunicationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/customers/{customerId}/communications").WithTags("Notifications").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/", TimelineAsync).WithSummary($"The customer's latest {TimelineSize} messages, newest first, on every channel.");
        group.MapGet("/{id}/deliveries", DeliveriesAsync).WithSummary("One message's delivery log, oldest first.");
        group.MapGet("/opt-outs", OptOutsAsync).WithSummary($"The opt-outs and opt-ins of the contacts' addresses (unsubscribe links, the portal, STOP and START, email bounces), newest first: at most {OptOutHistorySize} per address.");
        group.MapDelete("/bounces/{contactId}", ClearBounceAsync)
            .WithSummary("The team's word that the contact's email address works again after it bounced as unknown: email goes to it again. Nothing to clear is no error.");
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

    private static async Task<Results<Ok<OptOutDto[]>, NotFound>> OptOutsAsync(string customerId, ClaimsPrincipal user, IClusterClient grains, IOptOutStore optOuts, CancellationToken cancellationToken)
    {
        if (await CustomerAsync(grains, user, customerId) is not { } customer) return TypedResults.NotFound();
        var marketing = MarketingOptOuts.Sender(user.GetTenantId());
        var bounces = BouncedAddresses.Sender(user.GetTenantId());
        var changes = new List<OptOutDto>();
        foreach (var contact in customer.Contacts)
        {
            foreach (var (channel, address) in new[] { (NotificationChannel.Email, contact.Email), (NotificationChannel.Sms, contact.Phone) })
            {
                if (string.IsNullOrWhiteSpace(address)) continue;
                // Another company's marketing opt-outs of the same address are theirs; a STOP to our number concerns every company.
                changes.AddRange((await optOuts.HistoryAsync(channel, address, OptOutHistorySize, cancellationToken))
                    .Where(c => c.Sender == marketing || c.Sender == bounces || channel == NotificationChannel.Sms && !MarketingOptOuts.IsMarketingSender(c.Sender))
                    .Select(c => new OptOutDto(contact.ContactId, channel.ToString(), address, c.OptedOut, c.Sender == marketing ? "marketing" : c.Sender == bounces ? "email" : "all", c.Source, c.At)));
            }
        }

        return TypedResults.Ok(changes.OrderByDescending(c => c.At).ToArray());
    }

    private static async Task<Results<NoContent, NotFound>> ClearBounceAsync(
        string customerId, string contactId, ClaimsPrincipal user, IClusterClient grains, IOptOutStore optOuts, DomainClock clock, CancellationToken cancellationToken)
    {
        if (await CustomerAsync(grains, user, customerId) is not { } customer || customer.Contacts.FirstOrDefault(c => c.ContactId == contactId) is not { } contact)
            return TypedResults.NotFound();
        var bounces = BouncedAddresses.Sender(user.GetTenantId());
        if (!string.IsNullOrWhiteSpace(contact.Email) && await optOuts.IsOptedOutAsync(NotificationChannel.Email, contact.Email, bounces, cancellationToken))
            await optOuts.RecordAsync(new OptOutChange(NotificationChannel.Email, contact.Email, bounces, OptedOut: false, clock.GetUtcNow(), OptOutSources.Bounce), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<bool> ExistsAsync(IClusterClient grains, ClaimsPrincipal user, string customerId) =>
        await CustomerAsync(grains, user, customerId) is not null;

    private static async Task<CustomerSnapshot?> CustomerAsync(IClusterClient grains, ClaimsPrincipal user, string customerId)
    {
        if (!ResourceId.IsValid(customerId)) return null;
        try
        {
            return await grains.GetGrain<ICustomerGrain>(TenantKeys.For(user.GetTenantId(), customerId)).GetAsync();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
