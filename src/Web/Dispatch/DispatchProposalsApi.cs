using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Dispatch;

/// <summary>
/// "Optimize the day" with a preview: the search makes a proposal (nothing changes), which the dispatcher applies or
/// discards; the last applied plan can be undone. Part of the dispatch group (its policy: dispatchers, tenant from the
/// cookie); the grain keeps the proposals and the undo record. An unknown, applied, discarded or expired proposal, and
/// a missing plan to undo, are the grain's <see cref="NotFoundException"/>: 404 ProblemDetails from the exception handler.
/// </summary>
public static class DispatchProposalsApi
{
    public static RouteGroupBuilder MapPlanProposals(this RouteGroupBuilder group)
    {
        group.MapPost("/proposals", ProposeAsync)
            .WithSummary("Re-plans a day within a time budget, keeping jobs in progress and pinned, and answers the plan as a proposal; nothing changes until it is applied. Progress goes out on the live-map hub.");
        group.MapGet("/proposals/{proposalId}", GetProposalAsync)
            .WithSummary("A pending proposal: moves, routes and totals before and after, whether the board changed since; ?geometry=true adds each route's legs along the roads.");
        group.MapPost("/proposals/{proposalId}/apply", ApplyAsync)
            .WithSummary("Adopts a pending proposal; 409 with the conflicts when a job it moves was reassigned, started, pinned, closed or rescheduled since.");
        group.MapPost("/proposals/{proposalId}/discard", DiscardAsync).WithSummary("Drops a pending proposal.");
        group.MapGet("/plans/last", GetLastPlanAsync).WithSummary("The last applied plan that can still be undone.");
        group.MapPost("/plans/last/undo", UndoAsync)
            .WithSummary("Gives the jobs the last applied plan moved back to who had them, in their former order; jobs started or moved by hand since stay.");
        return group;
    }

    private static async Task<Results<Created<PlanProposal>, ValidationProblem>> ProposeAsync(OptimizeRequest? request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (DispatchApi.ValidateOptimize(request, out var day, out var budget) is { } invalid) return invalid;
        var proposal = await DispatchApi.Dispatch(grains, user).ProposeDayAsync(day, budget, user.GetEmail());
        return TypedResults.Created($"/api/v1/dispatch/proposals/{proposal.Id}", proposal);
    }

    private static async Task<Results<Ok<PlanProposal>, NotFound>> GetProposalAsync(
        string proposalId, bool? geometry, ClaimsPrincipal user, IClusterClient grains, IRouteGeometry routes)
    {
        if (!ResourceId.IsValid(proposalId)) return TypedResults.NotFound();
        var proposal = await DispatchApi.Dispatch(grains, user).GetProposalAsync(proposalId);
        return TypedResults.Ok(geometry == true ? proposal with { Technicians = [.. proposal.Technicians.Select(t => t.WithLegs(routes))] } : proposal);
    }

    private static async Task<Results<Ok<AppliedPlan>, NotFound, ProblemHttpResult>> ApplyAsync(string proposalId, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(proposalId)) return TypedResults.NotFound();
        try
        {
            return TypedResults.Ok(await DispatchApi.Dispatch(grains, user).ApplyProposalAsync(proposalId, user.GetEmail()));
        }
        catch (ProposalConflictException conflict)
        {
            return TypedResults.Problem(
                title: "The proposal conflicts with changes made since.", detail: conflict.Message, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["conflicts"] = conflict.Conflicts });
        }
        catch (ConflictException over)
        {
            return TypedResults.Problem(title: "The proposal can no longer be applied.", detail: over.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<NoContent, NotFound>> DiscardAsync(string proposalId, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(proposalId)) return TypedResults.NotFound();
        await DispatchApi.Dispatch(grains, user).DiscardProposalAsync(proposalId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AppliedPlan>, NotFound>> GetLastPlanAsync(ClaimsPrincipal user, IClusterClient grains) =>
        await DispatchApi.Dispatch(grains, user).GetLastAppliedPlanAsync() is { } plan ? TypedResults.Ok(plan) : TypedResults.NotFound();

    private static async Task<Results<Ok<UndoReport>, NotFound, ProblemHttpResult>> UndoAsync(ClaimsPrincipal user, IClusterClient grains)
    {
        try
        {
            return TypedResults.Ok(await DispatchApi.Dispatch(grains, user).UndoLastPlanAsync(user.GetEmail()));
        }
        catch (ConflictException over)
        {
            return TypedResults.Problem(title: "The plan can no longer be undone.", detail: over.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }
}
