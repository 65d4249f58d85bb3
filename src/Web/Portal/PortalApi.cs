using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.OptOuts;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Properties;

namespace OrleansPortal.Web.Portal;

/// <summary>
/// The signed-in customer contact's own portal. Tenant, customer and contact come from the cookie only; which properties
/// the contact may see is asked of the customer grain on every request, so a changed grant applies at once.
/// </summary>
public static class PortalApi
{
    public static RouteGroupBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/portal").WithTags("Portal").RequireAuthorization(PortalClaims.CustomerPolicy);
        group.MapGet("/me", MeAsync).WithSummary("The signed-in contact, their customer and company.");
        group.MapGet("/properties", ListPropertiesAsync).WithSummary("The properties this contact may see, with equipment and timeline.");
        group.MapGet("/properties/{id}", GetPropertyAsync).WithSummary("One property this contact may see; 404 for any other.");
        group.MapGet("/preferences", GetPreferencesAsync).WithSummary("The contact's notification preferences.");
        group.MapPut("/preferences", SetPreferencesAsync).WithSummary("Replaces the contact's notification preferences.");
        return group;
    }

    private static async Task<Ok<PortalMeDto>> MeAsync(ClaimsPrincipal user, IClusterClient grains)
    {
        var customer = await PortalAccess.CustomerOf(grains, user).GetAsync();
        var contact = await PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId());
        return TypedResults.Ok(await PortalMeDto.LoadAsync(grains, user.GetTenantId(), customer, contact));
    }

    private static async Task<Ok<PropertyDto[]>> ListPropertiesAsync(ClaimsPrincipal user, IClusterClient grains)
    {
        var visible = await PortalAccess.CustomerOf(grains, user).GetVisiblePropertyIdsAsync(user.GetContactId());
        return TypedResults.Ok(await PropertyDtoMapping.LoadAsync(grains, user.GetTenantId(), visible));
    }

    private static async Task<Results<Ok<PropertyDto>, NotFound>> GetPropertyAsync(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var visible = await PortalAccess.CustomerOf(grains, user).GetVisiblePropertyIdsAsync(user.GetContactId());
        // Not visible and not existing answer alike, so ids cannot be probed.
        if (!visible.Contains(id)) return TypedResults.NotFound();
        return TypedResults.Ok((await PropertyDtoMapping.LoadAsync(grains, user.GetTenantId(), [id]))[0]);
    }

    private static async Task<Ok<PreferencesDto>> GetPreferencesAsync(ClaimsPrincipal user, IClusterClient grains) =>
        TypedResults.Ok((await PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId())).Preferences.AsDto());

    private static async Task<Results<Ok<PreferencesDto>, ValidationProblem>> SetPreferencesAsync(
        PreferencesRequest request, ClaimsPrincipal user, IClusterClient grains, IOptOutStore optOuts, DomainClock clock, CancellationToken cancellationToken)
    {
        var (preferences, validation) = PreferencesMapping.Parse(request);
        if (preferences is null) return TypedResults.ValidationProblem(validation.Errors);
        var before = await PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId());
        var contact = await PortalAccess.CustomerOf(grains, user).SetPreferencesAsync(user.GetContactId(), preferences);
        // A marketing switch turned here is the address's latest word, over an unsubscribe link clicked before it.
        var sender = MarketingOptOuts.Sender(user.GetTenantId());
        if (before.Preferences.Email.Marketing != contact.Preferences.Email.Marketing)
            await optOuts.RecordAsync(new OptOutChange(NotificationChannel.Email, contact.Email, sender, !contact.Preferences.Email.Marketing, clock.GetUtcNow(), OptOutSources.Portal), cancellationToken);
        if (before.Preferences.Sms.Marketing != contact.Preferences.Sms.Marketing && contact.Phone is { } phone)
            await optOuts.RecordAsync(new OptOutChange(NotificationChannel.Sms, phone, sender, !contact.Preferences.Sms.Marketing, clock.GetUtcNow(), OptOutSources.Portal), cancellationToken);
        return TypedResults.Ok(contact.Preferences.AsDto());
    }
}
