using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Support.Cases;

/// <summary>The team's saved answers (dispatchers of the company): list, add, remove. The reply box inserts one, to edit before sending.</summary>
public static class CannedRepliesApi
{
    public static RouteGroupBuilder MapCannedRepliesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/support/canned-replies").WithTags("Support").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/", ListAsync).WithSummary("The company's saved replies, by title.");
        group.MapPost("/", AddAsync).WithSummary($"Saves a reply: a title (1 to {CannedRepliesGrain.MaxTitleLength} characters, unique) and its text; 409 for a title in use or a full list ({CannedRepliesGrain.MaxReplies}).");
        group.MapDelete("/{id}", RemoveAsync).WithSummary("Removes a saved reply (204 also when it was not there).");
        return group;
    }

    private static async Task<Ok<CannedReplyDto[]>> ListAsync(ClaimsPrincipal user, IClusterClient grains) =>
        TypedResults.Ok((await Replies(grains, user).GetAllAsync()).Select(r => new CannedReplyDto(r.Id, r.Title, r.Text)).ToArray());

    private static async Task<Results<Created<CannedReplyDto>, ValidationProblem>> AddAsync(CannedReplyRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        var validation = new RequestValidation()
            .Text(request.Title, "title", CannedRepliesGrain.MaxTitleLength, $"A title of 1 to {CannedRepliesGrain.MaxTitleLength} characters is required.")
            .Text(request.Text, "text", CaseRules.MaxTextLength, $"A text of 1 to {CaseRules.MaxTextLength} characters is required.", multiline: true);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var saved = await Replies(grains, user).AddAsync(request.Title!, request.Text!);
        return TypedResults.Created($"/api/v1/support/canned-replies/{saved.Id}", new CannedReplyDto(saved.Id, saved.Title, saved.Text));
    }

    private static async Task<NoContent> RemoveAsync(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        if (ResourceId.IsValid(id)) await Replies(grains, user).RemoveAsync(id);
        return TypedResults.NoContent();
    }

    private static ICannedRepliesGrain Replies(IClusterClient grains, ClaimsPrincipal user) => grains.GetGrain<ICannedRepliesGrain>(user.GetTenantId());
}

public sealed record CannedReplyDto(string Id, string Title, string Text);

public sealed record CannedReplyRequest([property: MaxLength(CannedRepliesGrain.MaxTitleLength)] string? Title, [property: MaxLength(CaseRules.MaxTextLength)] string? Text);
