using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Payments.Plans;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Payments.Plans;

/// <summary>
/// The office's maintenance plans: the company defines them, enrols customers' properties in them, and pauses or resumes
/// a customer's plan.
/// </summary>
public static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1").WithTags("Maintenance plans").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/plans", ListAsync).WithSummary("The company's maintenance plans, offered and retired.");
        group.MapPost("/plans", DefineAsync).WithSummary("Defines a plan: price per period (minor units) in its currency (the company's when none is named), interval, visits per period.");
        group.MapPut("/plans/{id}", UpdateAsync).WithSummary("New terms for new subscribers; subscribers keep theirs. Without a currency the plan keeps its own.");
        group.MapDelete("/plans/{id}", RetireAsync).WithSummary("Stops offering the plan; its subscribers stay until they leave.");
        group.MapGet("/customers/{id}/plans", CustomerPlansAsync).WithSummary("A customer's plan subscriptions, newest first.");
        group.MapPost("/customers/{id}/plans", EnrolAsync)
            .WithSummary("Enrols one of the customer's properties in a plan, awaiting the first payment, which the customer makes from the portal.");
        group.MapPost("/customers/{id}/plans/{subscriptionId}/pause", PauseAsync)
            .WithSummary($"Pauses the plan's charges (no periods billed, so no visits) until resumesAt (a day at most {PlanPausing.MaxMonthsAhead} months ahead) or until resumed (202: Stripe confirms it).");
        group.MapPost("/customers/{id}/plans/{subscriptionId}/resume", ResumeAsync)
            .WithSummary("Resumes a paused plan's charges, whoever paused it: the customer, the office, or dunning after failed payments (202: Stripe confirms it).");
        return group;
    }

    private static async Task<Ok<PlanDto[]>> ListAsync(ClaimsPrincipal user, IClusterClient grains) =>
        TypedResults.Ok((await Plans(grains, user).GetAllAsync()).Select(PlanDto.Of).ToArray());

    private static async Task<Results<Created<PlanDto>, ValidationProblem>> DefineAsync(PlanRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        var validation = new RequestValidation();
        var currency = await request.Currency.OrCompanysAsync(grains, user.GetTenantId());
        if (request.Parse(validation, currency) is not { } terms) return TypedResults.ValidationProblem(validation.Errors);
        var plan = await Plans(grains, user).DefineAsync(terms);
        return TypedResults.Created($"/api/v1/plans/{plan.PlanId}", PlanDto.Of(plan));
    }

    private static async Task<Results<Ok<PlanDto>, ValidationProblem, NotFound>> UpdateAsync(string id, PlanRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = new RequestValidation();
        var currency = request.Currency?.ToUpperInvariant() ?? (await Plans(grains, user).GetAsync(id)).Terms.Currency; // NotFoundException: 404
        if (request.Parse(validation, currency) is not { } terms) return TypedResults.ValidationProblem(validation.Errors);
        return TypedResults.Ok(PlanDto.Of(await Plans(grains, user).UpdateAsync(id, terms))); // NotFoundException: 404
    }

    private static async Task<Results<Ok<PlanDto>, NotFound>> RetireAsync(string id, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(id) ? TypedResults.Ok(PlanDto.Of(await Plans(grains, user).RetireAsync(id))) : TypedResults.NotFound();

    private static async Task<Results<Ok<PlanSubscriptionDto[]>, NotFound>> CustomerPlansAsync(
        string id, ClaimsPrincipal user, IClusterClient grains, IPlanSubscriptionIndex index, DomainClock clock)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        await grains.GetGrain<ICustomerGrain>(TenantKeys.For(user.GetTenantId(), id)).GetAsync(); // 404 for no such customer
        return TypedResults.Ok(await PlanSubscriptions.LoadAsync(grains, index, user.GetTenantId(), id, clock.GetUtcNow()));
    }

    private static async Task<Results<Created<PlanSubscriptionDto>, ValidationProblem, NotFound>> EnrolAsync(
        string id, EnrolRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var tenant = user.GetTenantId();
        var customer = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenant, id)).GetAsync();
        var (plan, errors) = await PlanSubscriptions.CheckAsync(grains, tenant, customer, request.PlanId, request.PropertyId);
        if (plan is null) return TypedResults.ValidationProblem(errors);
        var subscription = await PlanSubscriptions.EnrolAsync(grains, tenant, customer.CustomerId, request.PropertyId!, plan, user.GetEmail());
        return TypedResults.Created($"/api/v1/customers/{id}/plans", PlanSubscriptionDto.Of(subscription));
    }

    private static async Task<Results<Accepted<PlanSubscriptionDto>, NotFound, ValidationProblem, ProblemHttpResult>> PauseAsync(string id, string subscriptionId,
        PauseRequest? request, ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (PlanPausing.Malformed(request) is { } malformed) return malformed;
        if (await CustomersAsync(id, subscriptionId, user, grains) is not { } subscription) return TypedResults.NotFound();
        if (Unpaid(options) is { } refused) return refused;
        return await PlanPausing.PauseAsync(subscription, request, user.GetTenantId(), $"/api/v1/customers/{id}/plans", grains, services, cancellationToken);
    }

    private static async Task<Results<Accepted<PlanSubscriptionDto>, NotFound, ValidationProblem, ProblemHttpResult>> ResumeAsync(string id, string subscriptionId,
        ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await CustomersAsync(id, subscriptionId, user, grains) is not { } subscription) return TypedResults.NotFound();
        if (Unpaid(options) is { } refused) return refused;
        return await PlanPausing.ResumeAsync(subscription, user.GetTenantId(), $"/api/v1/customers/{id}/plans", services, cancellationToken);
    }

    /// <summary>The company's subscription <paramref name="subscriptionId"/> when it is customer <paramref name="customerId"/>'s, else null.</summary>
    private static async Task<PlanSubscriptionSnapshot?> CustomersAsync(string customerId, string subscriptionId, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(customerId) || !ResourceId.IsValid(subscriptionId)) return null;
        var subscription = await grains.GetGrain<IPlanSubscriptionGrain>(TenantKeys.For(user.GetTenantId(), subscriptionId)).GetAsync().OrNullAsync();
        return subscription?.CustomerId == customerId ? subscription : null;
    }

    private static ProblemHttpResult? Unpaid(IOptions<PaymentsOptions> options) => options.Value.Enabled
        ? null
        : TypedResults.Problem("Online payments are not set up for this company.", statusCode: StatusCodes.Status409Conflict);

    private static IMaintenancePlansGrain Plans(IClusterClient grains, ClaimsPrincipal user) => grains.GetGrain<IMaintenancePlansGrain>(user.GetTenantId());
}
