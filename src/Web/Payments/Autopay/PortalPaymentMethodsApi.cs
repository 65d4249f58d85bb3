using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Payments.Autopay;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Portal;

namespace OrleansPortal.Web.Payments.Autopay;

/// <summary>
/// Saved payment methods and autopay in the portal, for the people who pay the bills (owners and accounts payable;
/// a property manager gets 403): the list as Stripe holds it, "add" on Stripe's setup page, detach, the default, and
/// autopay on or off. A method that is not this customer's is 404, whoever asks.
/// </summary>
public static class PortalPaymentMethodsApi
{
    public static RouteGroupBuilder MapPortalPaymentMethodsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/portal/payment-methods").WithTags("Portal payment methods").RequireAuthorization(PortalClaims.CustomerPolicy);
        group.MapGet("", ListAsync).WithSummary("The customer's saved payment methods (brand, last 4, expiry; bank and last 4), the default and autopay.");
        group.MapPost("/setup", SetupAsync).WithSummary("Opens Stripe's page (setup mode) where the payer saves a card or bank account; answers where to send the browser.");
        group.MapDelete("/{id}", DetachAsync).WithSummary("Removes a saved method (detached at Stripe); removing the last one turns autopay off.");
        group.MapPut("/default", ChooseDefaultAsync).WithSummary("Chooses the method autopay charges.");
        group.MapPut("/autopay", SetAutopayAsync).WithSummary("Turns autopay on (new invoices are charged to the default method) or off.");
        return group;
    }

    private static async Task<Results<Ok<PaymentMethodsDto>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await PayerAsync(grains, user) is { } refused) return refused;
        if (!options.Value.Enabled) return TypedResults.Ok(PaymentMethodsDto.NotSetUp);
        return TypedResults.Ok(await ViewAsync(services.GetRequiredService<StripeWallet>(), user, cancellationToken));
    }

    private static async Task<Results<Ok<CheckoutDto>, ProblemHttpResult>> SetupAsync(
        ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await PayerAsync(grains, user) is { } refused) return refused;
        if (NotSetUp(options) is { } off) return off;
        var contact = await PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId());
        var url = await services.GetRequiredService<StripeWallet>().StartSetupAsync(user.GetTenantId(), user.GetCustomerId(), contact, cancellationToken);
        return TypedResults.Ok(new CheckoutDto(url.ToString()));
    }

    private static async Task<Results<Ok<PaymentMethodsDto>, NotFound, ProblemHttpResult>> DetachAsync(
        string id, ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await PayerAsync(grains, user) is { } refused) return refused;
        if (NotSetUp(options) is { } off) return off;
        var stripe = services.GetRequiredService<StripeWallet>();
        var wallet = stripe.Wallet(user.GetTenantId(), user.GetCustomerId());
        var settings = await wallet.GetAsync();
        var methods = await stripe.ListAsync(settings, cancellationToken);
        if (!StripeWallet.IsMethodId(id) || methods.All(m => m.Id != id)) return TypedResults.NotFound();

        await stripe.DetachAsync(id, cancellationToken);
        if (settings.DefaultMethodId == id) await wallet.ChooseDefaultAsync(null);
        if (methods.Count == 1) await wallet.SetAutopayAsync(false, user.GetContactId()); // nothing left to charge
        return TypedResults.Ok(await ViewAsync(stripe, user, cancellationToken));
    }

    private static async Task<Results<Ok<PaymentMethodsDto>, NotFound, ValidationProblem, ProblemHttpResult>> ChooseDefaultAsync(
        DefaultMethodRequest request, ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!StripeWallet.IsMethodId(request.PaymentMethodId))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["paymentMethodId"] = ["A saved method's id (pm_...) is required."] });
        if (await PayerAsync(grains, user) is { } refused) return refused;
        if (NotSetUp(options) is { } off) return off;
        var stripe = services.GetRequiredService<StripeWallet>();
        var wallet = stripe.Wallet(user.GetTenantId(), user.GetCustomerId());
        var methods = await stripe.ListAsync(await wallet.GetAsync(), cancellationToken);
        if (methods.All(m => m.Id != request.PaymentMethodId)) return TypedResults.NotFound();
        await wallet.ChooseDefaultAsync(request.PaymentMethodId);
        return TypedResults.Ok(await ViewAsync(stripe, user, cancellationToken));
    }

    private static async Task<Results<Ok<PaymentMethodsDto>, ValidationProblem, ProblemHttpResult>> SetAutopayAsync(
        AutopayRequest request, ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (request.Enabled is not { } on)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["Say whether autopay is on (true) or off (false)."] });
        if (await PayerAsync(grains, user) is { } refused) return refused;
        if (NotSetUp(options) is { } off) return off;
        var stripe = services.GetRequiredService<StripeWallet>();
        var wallet = stripe.Wallet(user.GetTenantId(), user.GetCustomerId());
        if (on && (await stripe.ListAsync(await wallet.GetAsync(), cancellationToken)).Count == 0)
            return TypedResults.Problem("Save a payment method first: autopay charges the default one.", statusCode: StatusCodes.Status409Conflict);
        await wallet.SetAutopayAsync(on, user.GetContactId());
        return TypedResults.Ok(await ViewAsync(stripe, user, cancellationToken));
    }

    private static async Task<PaymentMethodsDto> ViewAsync(StripeWallet stripe, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var settings = await stripe.Wallet(user.GetTenantId(), user.GetCustomerId()).GetAsync();
        var methods = await stripe.ListAsync(settings, cancellationToken);
        var chosen = StripeWallet.DefaultOf(settings, methods);
        return new PaymentMethodsDto(true, settings.Autopay, [.. methods.Select(m => SavedMethodDto.Of(m, m.Id == chosen?.Id))]);
    }

    private static async Task<ProblemHttpResult?> PayerAsync(IClusterClient grains, ClaimsPrincipal user)
    {
        var contact = await PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId());
        return contact.Role is ContactRole.Owner or ContactRole.AccountsPayable
            ? null
            : TypedResults.Problem("Only the customer's owners and accounts-payable contacts manage its payment methods.", statusCode: StatusCodes.Status403Forbidden);
    }

    private static ProblemHttpResult? NotSetUp(IOptions<PaymentsOptions> options) =>
        options.Value.Enabled ? null : TypedResults.Problem("Online payments are not set up for this company.", statusCode: StatusCodes.Status409Conflict);
}
