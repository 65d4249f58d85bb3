using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Payments.Plans;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Portal;

namespace OrleansPortal.Web.Payments.Plans;

/// <summary>
/// Plans in the portal: what the company offers, the customer's subscriptions (next charge, visits), subscribing on
/// Stripe's page, ending a plan at the end of its paid period (or keeping it), and pausing and resuming it. Changing a
/// plan is for the people who pay the bills (owners and accounts payable).
/// </summary>
public static class PortalPlansApi
{
    private const string Location = "/api/v1/portal/plans";

    public static RouteGroupBuilder MapPortalPlansApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/portal/plans").WithTags("Portal plans").RequireAuthorization(PortalClaims.CustomerPolicy);
        group.MapGet("", OverviewAsync).WithSummary("The plans on offer and this customer's subscriptions.");
        group.MapPost("/subscribe", SubscribeAsync).WithSummary("Enrols one of the customer's properties in a plan and answers where to pay its first period (Stripe).");
        group.MapPost("/{id}/checkout", CheckoutAsync).WithSummary("Where to pay the first period of an enrolment awaiting it (one the office made, say).");
        group.MapPost("/{id}/cancel", (string id, ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken ct) =>
            EndAsync(id, cancel: true, user, grains, options, services, ct)).WithSummary("Ends the plan when its paid period ends (202: Stripe confirms it).");
        group.MapPost("/{id}/keep", (string id, ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken ct) =>
            EndAsync(id, cancel: false, user, grains, options, services, ct)).WithSummary("Keeps a plan set to end (202: Stripe confirms it).");
        group.MapPost("/{id}/pause", PauseAsync)
            .WithSummary($"Pauses the plan's charges (no periods billed, so no visits) until resumesAt (a day at most {PlanPausing.MaxMonthsAhead} months ahead) or until resumed (202: Stripe confirms it).");
        group.MapPost("/{id}/resume", ResumeAsync).WithSummary("Resumes a paused plan's charges, whoever paused it (202: Stripe confirms it).");
        return group;
    }

    private static async Task<Ok<PortalPlansDto>> OverviewAsync(
        ClaimsPrincipal user, IClusterClient grains, IPlanSubscriptionIndex index, IOptions<PaymentsOptions> options, DomainClock clock)
    {
        var tenant = user.GetTenantId();
        var offered = (await grains.GetGrain<IMaintenancePlansGrain>(tenant).GetAllAsync()).Where(p => p.Active).Select(PlanDto.Of).ToArray();
        var contact = await PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId());
        var mine = await PlanSubscriptions.LoadAsync(grains, index, tenant, user.GetCustomerId(), clock.GetUtcNow());
        var visible = await Portal.PortalAccess.GrantedPropertiesAsync(grains, user); // a property manager sees the plans of their sites
        return TypedResults.Ok(new PortalPlansDto(offered, [.. mine.Where(s => visible is null || visible.Contains(s.PropertyId))], PortalPaymentsApi.CanPay(contact.Role, options.Value)));
    }

    private static async Task<Results<Ok<CheckoutDto>, ValidationProblem, ProblemHttpResult>> SubscribeAsync(
        EnrolRequest request, ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        // Malformed input is named first, whatever else would refuse the request.
        var shape = new RequestValidation()
            .Require(request.PlanId is not null && ResourceId.IsValid(request.PlanId), "planId", "A plan id (32 hex characters) is required.")
            .Require(request.PropertyId is not null && ResourceId.IsValid(request.PropertyId), "propertyId", "A property id (32 hex characters) is required.");
        if (!shape.IsValid) return TypedResults.ValidationProblem(shape.Errors);
        var customer = await PortalAccess.CustomerOf(grains, user).GetAsync();
        if (await RefusedAsync(grains, user, options) is { } refused) return refused;
        var (plan, errors) = await PlanSubscriptions.CheckAsync(grains, user.GetTenantId(), customer, request.PlanId, request.PropertyId);
        if (plan is null) return TypedResults.ValidationProblem(errors);
        var subscription = await PlanSubscriptions.EnrolAsync(grains, user.GetTenantId(), customer.CustomerId, request.PropertyId!, plan, $"customer:{user.GetContactId()}");
        return TypedResults.Ok(await StartCheckoutAsync(subscription, user, grains, services, cancellationToken));
    }

    private static async Task<Results<Ok<CheckoutDto>, NotFound, ProblemHttpResult>> CheckoutAsync(
        string id, ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await MineAsync(id, user, grains) is not { } subscription) return TypedResults.NotFound();
        if (await RefusedAsync(grains, user, options) is { } refused) return refused;
        if (subscription.Status != PlanSubscriptionStatus.AwaitingPayment)
            return TypedResults.Problem("This plan's first period is paid already.", statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Ok(await StartCheckoutAsync(subscription, user, grains, services, cancellationToken));
    }

    private static async Task<Results<Accepted<PlanSubscriptionDto>, NotFound, ProblemHttpResult>> EndAsync(
        string id, bool cancel, ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await MineAsync(id, user, grains) is not { } subscription) return TypedResults.NotFound();
        if (await RefusedAsync(grains, user, options) is { } refused) return refused;
        if (subscription.ProviderSubscriptionId is not { } provider || subscription.Status == PlanSubscriptionStatus.Canceled)
            return TypedResults.Problem("Only a running plan can be set to end or kept.", statusCode: StatusCodes.Status409Conflict);
        await services.GetRequiredService<StripePlanBilling>().CancelAtPeriodEndAsync(provider, cancel, cancellationToken);
        return TypedResults.Accepted(Location, PlanSubscriptionDto.Of(subscription));
    }

    private static async Task<Results<Accepted<PlanSubscriptionDto>, NotFound, ValidationProblem, ProblemHttpResult>> PauseAsync(
        string id, PauseRequest? request, ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (PlanPausing.Malformed(request) is { } malformed) return malformed;
        if (await MineAsync(id, user, grains) is not { } subscription) return TypedResults.NotFound();
        if (await RefusedAsync(grains, user, options) is { } refused) return refused;
        return await PlanPausing.PauseAsync(subscription, request, user.GetTenantId(), Location, grains, services, cancellationToken);
    }

    private static async Task<Results<Accepted<PlanSubscriptionDto>, NotFound, ValidationProblem, ProblemHttpResult>> ResumeAsync(
        string id, ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await MineAsync(id, user, grains) is not { } subscription) return TypedResults.NotFound();
        if (await RefusedAsync(grains, user, options) is { } refused) return refused;
        return await PlanPausing.ResumeAsync(subscription, user.GetTenantId(), Location, services, cancellationToken);
    }

    private static async Task<CheckoutDto> StartCheckoutAsync(PlanSubscriptionSnapshot subscription, ClaimsPrincipal user, IClusterClient grains, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var contact = await PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId());
        var url = await services.GetRequiredService<StripePlanBilling>().CheckoutAsync(user.GetTenantId(), subscription, contact.Email, contact.Preferences.Language ?? "en", cancellationToken);
        return new CheckoutDto(url.ToString());
    }

    /// <summary>Why this contact may not subscribe or change a plan here, or null when they may.</summary>
    private static async Task<ProblemHttpResult?> RefusedAsync(IClusterClient grains, ClaimsPrincipal user, IOptions<PaymentsOptions> options)
    {
        if (!options.Value.Enabled) return TypedResults.Problem("Online payments are not set up for this company.", statusCode: StatusCodes.Status409Conflict);
        var contact = await PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId());
        return PortalPaymentsApi.CanPay(contact.Role, options.Value)
            ? null
            : TypedResults.Problem("Only the customer's owners and accounts-payable contacts manage its plans.", statusCode: StatusCodes.Status403Forbidden);
    }

    private static async Task<PlanSubscriptionSnapshot?> MineAsync(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return null;
        var subscription = await grains.GetGrain<IPlanSubscriptionGrain>(TenantKeys.For(user.GetTenantId(), id)).GetAsync().OrNullAsync();
        return subscription?.CustomerId == user.GetCustomerId() ? subscription : null;
    }

}

/// <param name="CanManage">This contact may subscribe and end plans (an owner or accounts payable, and the company takes payments).</param>
public sealed record PortalPlansDto(IReadOnlyList<PlanDto> Offered, IReadOnlyList<PlanSubscriptionDto> Subscriptions, bool CanManage);
