using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Properties;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Properties;

/// <summary>Properties (sites) for dispatchers of the property's own company; new ones are added through their customer.</summary>
public static class PropertiesApi
{
    public static RouteGroupBuilder MapPropertiesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/properties").WithTags("Properties").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/{id}", GetAsync).WithSummary("A property with its equipment and timeline.");
        group.MapPut("/{id}", UpdateAsync).WithSummary("Replaces a property's details (name, address, location, access notes, equipment).");
        group.MapPost("/{id}/timeline", AppendTimelineAsync).WithSummary("Appends an entry to the property's timeline (visits, notes); entries are never changed.");
        return group;
    }

    private static async Task<Results<Ok<PropertyDto>, NotFound>> GetAsync(string id, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(id) ? TypedResults.Ok((await Property(grains, user, id).GetAsync()).AsDto()) : TypedResults.NotFound();

    private static async Task<Results<Ok<PropertyDto>, NotFound, ValidationProblem>> UpdateAsync(string id, PropertyRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = PropertyRequestValidation.Validate(request);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        return TypedResults.Ok((await Property(grains, user, id).UpdateAsync(request.ToDetails())).AsDto());
    }

    private static async Task<Results<Ok<PropertyDto>, NotFound, ValidationProblem>> AppendTimelineAsync(
        string id, TimelineEntryRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = new RequestValidation()
            .Text(request.Kind, "kind", InputLimits.Label, $"A kind of 1 to {InputLimits.Label} characters is required (visit, note, ...).")
            .Text(request.Text, "text", InputLimits.Text, $"A text of 1 to {InputLimits.Text:N0} characters is required.", multiline: true)
            .Id(request.TicketId, "ticketId", "The job", required: false);
        // The job an entry names must be one at this property, in this company.
        if (validation.IsValid && request.TicketId is { } ticketId
            && (await grains.GetGrain<ITicketGrain>(TenantKeys.For(user.GetTenantId(), ticketId)).GetAsync().OrNullAsync())?.Details.PropertyId != id)
            validation.Add("ticketId", $"There is no job '{ticketId}' at this property.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var appended = await Property(grains, user, id).AppendTimelineAsync(request.Kind.Trim().ToLowerInvariant(), request.Text.Trim(), request.TicketId);
        return TypedResults.Ok(appended.AsDto());
    }

    private static IPropertyGrain Property(IClusterClient grains, ClaimsPrincipal user, string id) => grains.GetGrain<IPropertyGrain>(TenantKeys.For(user.GetTenantId(), id));
}

public sealed record TimelineEntryRequest(
    [property: MaxLength(InputLimits.Label)] string Kind, [property: MaxLength(InputLimits.Text)] string Text, [property: MaxLength(InputLimits.Id)] string? TicketId);
