using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Documents;

/// <summary>
/// The office bills an approved estimate in parts: each progress invoice is a share of the estimate's total or an amount,
/// never more than remains to bill, with the deposit the customer paid taken off until all of it is credited.
/// </summary>
public static class ProgressBillingApi
{
    public static RouteGroupBuilder MapProgressBillingApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/estimates").WithTags("Documents").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapPost("/{id}/progress-invoices", BillAsync).WithSummary(
            "Issues a progress invoice against an approved estimate (rate in basis points of its total, or amount in minor units), the paid deposit " +
            "credited on it; 409 for more than remains to bill or an estimate not approved.");
        return group;
    }

    private static async Task<Results<Created<EstimateDto>, NotFound, ValidationProblem>> BillAsync(
        string id, ProgressInvoiceRequest request, ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = new RequestValidation()
            .Require(request.Rate is null != request.Amount is null, "rate", "A progress invoice is a percentage of the estimate (rate, basis points: 5000 is 50 %) or an amount: one of the two.")
            .Require(request.Rate is null or (> 0 and <= Grains.Documents.LineItem.WholeRate), "rate", "The percentage must be more than 0 and at most 10,000 basis points (100 %).")
            .Require(request.Amount is null or (> 0 and <= DocumentRequestValidation.MaxUnitAmount), "amount",
                $"The amount must be 1 to {DocumentRequestValidation.MaxUnitAmount:N0} in minor units of the currency (cents: 5000 is 50.00).")
            .Require(request.DueDate is not null, "dueDate", "A due date (yyyy-MM-dd) is required.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var invoiceId = TenantKeys.NewId();
        // NotFoundException (404) for no such estimate; ConflictException (409) when not approved or over-billed.
        var estimate = await grains.GetGrain<IEstimateGrain>(TenantKeys.For(user.GetTenantId(), id))
            .BillProgressAsync(new ProgressBill(invoiceId, request.Rate, request.Amount, request.DueDate!.Value, user.GetEmail()));
        return TypedResults.Created($"/api/v1/invoices/{invoiceId}", estimate.AsDto(clock.GetUtcNow(), internalView: true));
    }
}

/// <summary>A progress invoice: <c>rate</c> (basis points of the estimate's total) or <c>amount</c> (minor units), and its due date.</summary>
public sealed record ProgressInvoiceRequest(int? Rate, long? Amount, DateOnly? DueDate);
