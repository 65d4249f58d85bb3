using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Dispatch;

/// <summary>
/// Who could take a job, asked when the dispatcher picks it up on the board (drag or "Select"), before anything is
/// dropped. Part of the dispatch group (dispatchers, tenant from the cookie): another company's job is the grain's
/// <see cref="NotFoundException"/>, a 404 ProblemDetails from the exception handler.
/// </summary>
public static class DispatchCandidatesApi
{
    public static RouteGroupBuilder MapJobCandidates(this RouteGroupBuilder group)
    {
        group.MapGet("/jobs/{ticketId}/candidates", GetCandidatesAsync)
            .WithSummary("Per technician, whether they can take the job on a day (?day=yyyy-MM-dd, today by default) and why not (off shift, missing skill, expired certificate, shift or windows), by the assignment's own checks.");
        return group;
    }

    private static async Task<Results<Ok<JobCandidates>, NotFound, ValidationProblem>> GetCandidatesAsync(string ticketId, string? day, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(ticketId)) return TypedResults.NotFound();
        if (!DispatchApi.TryParseDay(day, out var date)) return DispatchApi.DayProblem();
        var dispatch = DispatchApi.Dispatch(grains, user);
        return TypedResults.Ok(await dispatch.CandidatesAsync(date ?? await dispatch.GetTodayAsync(), ticketId));
    }
}
