using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Payments.Dunning;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Payments.Dunning;

/// <summary>
/// The office's failed payments: the cases being retried (all of the company's, or one customer's), pausing and
/// resuming a case's retries by hand, and dismissing the board's alert of a case given up.
/// </summary>
public static class DunningApi
{
    public static RouteGroupBuilder MapDunningApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1").WithTags("Failed payments").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/dunning", ListAsync).WithSummary("The company's failed payments being retried, and those closed in the last 30 days, newest first.");
        group.MapGet("/customers/{id}/dunning", CustomerCasesAsync).WithSummary("One customer's failed payments, newest first.");
        group.MapPost("/dunning/{id}/pause", PauseAsync).WithSummary("Stops the retries of a failed payment for now (409 unless retrying).");
        group.MapPost("/dunning/{id}/resume", ResumeAsync).WithSummary("Resumes them: the next retry falls when it was due, or at once if that passed (409 unless paused).");
        group.MapDelete("/dispatch/alerts/{id}", DismissAlertAsync).WithSummary("Takes down an alert that waits for a dispatcher (a payment given up); 404 for any other.");
        return group;
    }

    private static async Task<Ok<DunningCaseDto[]>> ListAsync(ClaimsPrincipal user, IClusterClient grains) =>
        TypedResults.Ok((await Cases(grains, user).ListAsync(null)).Select(DunningCaseDto.Of).ToArray());

    private static async Task<Results<Ok<DunningCaseDto[]>, NotFound>> CustomerCasesAsync(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        await grains.GetGrain<ICustomerGrain>(TenantKeys.For(user.GetTenantId(), id)).GetAsync(); // 404 for no such customer
        return TypedResults.Ok((await Cases(grains, user).ListAsync(id)).Select(DunningCaseDto.Of).ToArray());
    }

    // A case never opened is 404 (NotFoundException), one in another state 409 (ConflictException).
    private static async Task<Results<Ok<DunningCaseDto>, NotFound>> PauseAsync(string id, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(id) ? TypedResults.Ok(DunningCaseDto.Of(await Case(grains, user, id).PauseAsync(user.GetEmail()))) : TypedResults.NotFound();

    private static async Task<Results<Ok<DunningCaseDto>, NotFound>> ResumeAsync(string id, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(id) ? TypedResults.Ok(DunningCaseDto.Of(await Case(grains, user, id).ResumeAsync(user.GetEmail()))) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DismissAlertAsync(string id, ClaimsPrincipal user, IClusterClient grains) =>
        id.Length <= 200 && await grains.GetGrain<IDispatchGrain>(user.GetTenantId()).DismissAlertAsync(id) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static IDunningCasesGrain Cases(IClusterClient grains, ClaimsPrincipal user) => grains.GetGrain<IDunningCasesGrain>(user.GetTenantId());

    private static IDunningGrain Case(IClusterClient grains, ClaimsPrincipal user, string id) => grains.GetGrain<IDunningGrain>(TenantKeys.For(user.GetTenantId(), id));
}
