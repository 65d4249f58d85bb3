using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Grains.Support.Routing;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Support.Routing;

/// <summary>
/// Automatic assignment of new cases (office staff: dispatchers): on or off, and per member of the team the categories
/// they handle and whether they take new cases now. The choice itself is the routing grain's (skills, then the fewest
/// cases in hand, then round robin).
/// </summary>
public static class SupportRoutingApi
{
    public static RouteGroupBuilder MapSupportRoutingApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/support/routing").WithTags("Support").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/", GetAsync).WithSummary("Whether new cases are assigned automatically, and each team member's categories, availability and cases in hand.");
        group.MapPut("/", SetAsync).WithSummary(
            "Replaces the routing: on or off, and the team members' categories (empty: all) and availability. 400 for someone who is not of the team, or an unknown category.");
        return group;
    }

    private static async Task<Ok<RoutingSettingsDto>> GetAsync(ClaimsPrincipal user, IClusterClient grains, ISupportCaseIndex index, CancellationToken cancellationToken)
    {
        var tenantId = user.GetTenantId();
        return TypedResults.Ok(await DtoAsync(tenantId, await grains.GetGrain<ISupportRoutingGrain>(tenantId).GetAsync(), grains, index, cancellationToken));
    }

    private static async Task<Results<Ok<RoutingSettingsDto>, ValidationProblem>> SetAsync(
        RoutingSettingsRequest request, ClaimsPrincipal user, IClusterClient grains, ISupportCaseIndex index, CancellationToken cancellationToken)
    {
        var tenantId = user.GetTenantId();
        var team = (await grains.GetGrain<ICompanyGrain>(tenantId).GetDispatchersAsync()).ToDictionary(SupportRouting.Key, e => e, StringComparer.Ordinal);
        var validation = new RequestValidation();
        var agents = new List<AgentRouting>();
        foreach (var agent in request.Agents ?? [])
        {
            if (agent?.Email is not { } email || !team.TryGetValue(SupportRouting.Key(email), out var member))
            {
                validation.Add("agents", "Each agent is a member of the team, by the email they sign in with.");
                continue;
            }

            var categories = new List<CaseCategory>();
            foreach (var name in agent.Categories ?? [])
            {
                if (EnumName.TryParse<CaseCategory>(name, out var category)) categories.Add(category);
                else validation.Add("agents", $"A category is one of {string.Join(", ", Enum.GetNames<CaseCategory>())}.");
            }

            agents.Add(new AgentRouting(member, categories, agent.TakesCases ?? true));
        }

        validation.Require(agents.GroupBy(a => SupportRouting.Key(a.Email)).All(g => g.Count() == 1), "agents", "Each agent is named once.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var routing = grains.GetGrain<ISupportRoutingGrain>(tenantId);
        var current = await routing.GetAsync();
        var saved = await routing.SetAsync(new SupportRoutingSettings(
            request.Enabled ?? current.Enabled, request.Agents is null ? current.Agents : agents, request.OfflineChatToCase ?? current.OfflineChatToCase));
        return TypedResults.Ok(await DtoAsync(tenantId, saved, grains, index, cancellationToken));
    }

    /// <summary>Every member of the team, in the order they joined, with their routing (the defaults when never set).</summary>
    private static async Task<RoutingSettingsDto> DtoAsync(string tenantId, SupportRoutingSettings settings, IClusterClient grains, ISupportCaseIndex index, CancellationToken cancellationToken)
    {
        var team = await grains.GetGrain<ICompanyGrain>(tenantId).GetDispatchersAsync();
        var load = await index.LoadAsync(tenantId, cancellationToken);
        var routing = settings.Agents.ToDictionary(a => SupportRouting.Key(a.Email), StringComparer.Ordinal);
        return new RoutingSettingsDto(settings.Enabled, [.. team.Select(email =>
        {
            var agent = routing.GetValueOrDefault(SupportRouting.Key(email));
            return new AgentRoutingDto(email, [.. (agent?.Categories ?? []).Select(c => c.ToString())], agent?.TakesCases ?? true, load.GetValueOrDefault(SupportRouting.Key(email)));
        })], settings.OfflineChatToCase);
    }
}
