using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Payments.Dunning;
using OrleansPortal.Grains.Payments.Reports;
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

    private static async Task<Ok<DunningCaseDto[]>> ListAsync(ClaimsPrincipal user, IClusterClient grains, IInvoiceLabels labels, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DtosAsync(user, labels, await Cases(grains, user).ListAsync(null), cancellationToken));

    private static async Task<Results<Ok<DunningCaseDto[]>, NotFound>> CustomerCasesAsync(
        string id, ClaimsPrincipal user, IClusterClient grains, IInvoiceLabels labels, CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        await grains.GetGrain<ICustomerGrain>(TenantKeys.For(user.GetTenantId(), id)).GetAsync(); // 404 for no such customer
        return TypedResults.Ok(await DtosAsync(user, labels, await Cases(grains, user).ListAsync(id), cancellationToken));
    }

    // A case never opened is 404 (NotFoundException), one in another state 409 (ConflictException).
    private static async Task<Results<Ok<DunningCaseDto>, NotFound>> PauseAsync(
        string id, ClaimsPrincipal user, IClusterClient grains, IInvoiceLabels labels, CancellationToken cancellationToken) =>
        ResourceId.IsValid(id)
            ? TypedResults.Ok((await DtosAsync(user, labels, [await Case(grains, user, id).PauseAsync(user.GetEmail())], cancellationToken))[0])
            : TypedResults.NotFound();

    private static async Task<Results<Ok<DunningCaseDto>, NotFound>> ResumeAsync(
        string id, ClaimsPrincipal user, IClusterClient grains, IInvoiceLabels labels, CancellationToken cancellationToken) =>
        ResourceId.IsValid(id)
            ? TypedResults.Ok((await DtosAsync(user, labels, [await Case(grains, user, id).ResumeAsync(user.GetEmail())], cancellationToken))[0])
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DismissAlertAsync(string id, ClaimsPrincipal user, IClusterClient grains) =>
        id.Length <= 200 && await grains.GetGrain<IDispatchGrain>(user.GetTenantId()).DismissAlertAsync(id) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>The cases with their invoice numbers and customer names, read for all of them in one query.</summary>
    private static async Task<DunningCaseDto[]> DtosAsync(ClaimsPrincipal user, IInvoiceLabels labels, IReadOnlyList<DunningSnapshot> cases, CancellationToken cancellationToken)
    {
        var found = await labels.ForAsync(user.GetTenantId(), [.. cases.Select(c => c.Case.InvoiceId)], cancellationToken);
        return [.. cases.Select(c => DunningCaseDto.Of(c, found.GetValueOrDefault(c.Case.InvoiceId)))];
    }

    private static IDunningCasesGrain Cases(IClusterClient grains, ClaimsPrincipal user) => grains.GetGrain<IDunningCasesGrain>(user.GetTenantId());

    private static IDunningGrain Case(IClusterClient grains, ClaimsPrincipal user, string id) => grains.GetGrain<IDunningGrain>(TenantKeys.For(user.GetTenantId(), id));
}
