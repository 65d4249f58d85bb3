using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains.Support.Widget;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Support.Widget;

/// <summary>The website widget's settings (office staff: dispatchers): the allowed origins and the identity secret.</summary>
public static class WidgetSettingsApi
{
    public static RouteGroupBuilder MapWidgetSettingsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/support/widget").WithTags("Support").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/", GetAsync).WithSummary("The origins allowed to embed the widget, the identity secret (made on first read) and the script's path.");
        group.MapPut("/origins", SetOriginsAsync).WithSummary(
            $"Replaces the allowed origins: at most {WidgetOrigins.MaxOrigins}, each https://host[:port] (http only for localhost and 127.0.0.1); 400 naming a value that is not one.");
        group.MapPost("/secret", RotateSecretAsync).WithSummary("A new identity secret: hashes made with the previous one stop verifying at once.");
        return group;
    }

    private static async Task<Ok<WidgetSettingsDto>> GetAsync(ClaimsPrincipal user, IClusterClient grains) =>
        TypedResults.Ok((await Settings(grains, user).GetAsync()).AsDto(user.GetTenantId()));

    private static async Task<Results<Ok<WidgetSettingsDto>, ValidationProblem>> SetOriginsAsync(
        WidgetOriginsRequest request, ClaimsPrincipal user, IClusterClient grains, WidgetOriginPolicy policy)
    {
        var validation = new RequestValidation();
        if (request.Parse(validation) is not { } origins) return TypedResults.ValidationProblem(validation.Errors);
        var saved = await Settings(grains, user).SetOriginsAsync(origins);
        policy.Forget(user.GetTenantId());
        return TypedResults.Ok(saved.AsDto(user.GetTenantId()));
    }

    private static async Task<Ok<WidgetSettingsDto>> RotateSecretAsync(ClaimsPrincipal user, IClusterClient grains) =>
        TypedResults.Ok((await Settings(grains, user).RotateSecretAsync()).AsDto(user.GetTenantId()));

    private static IWidgetSettingsGrain Settings(IClusterClient grains, ClaimsPrincipal user) => grains.GetGrain<IWidgetSettingsGrain>(user.GetTenantId());
}
