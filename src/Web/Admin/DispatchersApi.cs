using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Payments;
using OrleansPortal.Grains.Payments.Dunning;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Notifications.Sms;

namespace OrleansPortal.Web.Admin;

/// <summary>A dispatcher's view of their own company and its dispatchers.</summary>
public static class DispatchersApi
{
    public static RouteGroupBuilder MapDispatchersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1").WithTags("Company").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/company", GetCompanyAsync).WithSummary("The signed-in dispatcher's company, with its IANA time zone.");
        group.MapPost("/dispatchers", AddDispatcherAsync).WithSummary("Adds a dispatcher to the signed-in dispatcher's company.");
        group.MapPut("/company/phone", SetPhoneAsync).WithSummary("Sets (or with null clears) the number customers call, as messages show it. A number without its country code is read as one of Sms:DefaultRegion.");
        group.MapPut("/company/payment-retries", SetPaymentRetriesAsync)
            .WithSummary("The days after a failed payment (a plan's renewal, an autopay charge) on which it is tried again: 1 to 5 increasing days of 1 to 30.");
        group.MapPut("/company/currency", SetCurrencyAsync)
            .WithSummary("The ISO 4217 currency (EUR, USD...) new estimates, invoices and plans take when they name none, and the money view lists first. " +
                "Existing estimates, invoices and plans keep the currency they were made in.");
        return group;
    }

    internal static void ValidateDispatcher(NewDispatcher? dispatcher, string prefix, RequestValidation validation)
    {
        if (dispatcher is null)
        {
            validation.Add(prefix.TrimEnd('.'), "A dispatcher (email, displayName, password) is required.");
            return;
        }

        validation
            .Require(EmailAddress.IsValid(dispatcher.Email), prefix + "email", "A valid email address is required.")
            .Text(dispatcher.DisplayName, prefix + "displayName", InputLimits.Name, $"A display name of 1 to {InputLimits.Name} characters is required.")
            .Require(dispatcher.Password is { Length: >= Onboarding.MinPasswordLength and <= InputLimits.Password }, prefix + "password",
                $"The password must have {Onboarding.MinPasswordLength} to {InputLimits.Password} characters.");
    }

    private static async Task<Results<Ok<CompanyDto>, NotFound>> GetCompanyAsync(ClaimsPrincipal user, IClusterClient grains)
    {
        var tenantId = user.GetTenantId();
        if (await grains.GetGrain<ICompanyGrain>(tenantId).GetAsync() is not { } company) return TypedResults.NotFound();
        return TypedResults.Ok(company.AsDto(await grains.GetGrain<IDispatchGrain>(tenantId).GetSettingsAsync()));
    }

    private static async Task<Results<Ok<CompanyDto>, ValidationProblem, NotFound>> SetPhoneAsync(
        CompanyPhoneRequest request, ClaimsPrincipal user, IClusterClient grains, IOptions<SmsOptions> sms)
    {
        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : PhoneNumberText.ToInternational(request.Phone, sms.Value.DefaultRegion);
        if (!string.IsNullOrWhiteSpace(request.Phone) && phone is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["phone"] = ["Not a phone number customers could call; write it with its country code, like +351 220 000 000."] });

        return await ChangeAsync(user, grains, company => company.SetPhoneAsync(phone));
    }

    private static async Task<Results<Ok<CompanyDto>, ValidationProblem, NotFound>> SetPaymentRetriesAsync(
        PaymentRetriesRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (RetrySchedule.Problem(request.Days) is { } problem) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [problem] });
        return await ChangeAsync(user, grains, company => company.SetPaymentRetryDaysAsync(request.Days!));
    }

    private static async Task<Results<Ok<CompanyDto>, ValidationProblem, NotFound>> SetCurrencyAsync(
        CompanyCurrencyRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!Currencies.IsKnown(request.Currency)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currency"] = [Currencies.UnknownMessage] });
        return await ChangeAsync(user, grains, company => company.SetCurrencyAsync(request.Currency!));
    }

    /// <summary>One checked change to the signed-in dispatcher's company, answered with the company as it is now.</summary>
    private static async Task<Results<Ok<CompanyDto>, ValidationProblem, NotFound>> ChangeAsync(
        ClaimsPrincipal user, IClusterClient grains, Func<ICompanyGrain, Task<CompanyInfo>> change)
    {
        var tenantId = user.GetTenantId();
        try
        {
            var company = await change(grains.GetGrain<ICompanyGrain>(tenantId));
            return TypedResults.Ok(company.AsDto(await grains.GetGrain<IDispatchGrain>(tenantId).GetSettingsAsync()));
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    private static async Task<Results<NoContent, ValidationProblem>> AddDispatcherAsync(NewDispatcher request, ClaimsPrincipal user, Onboarding onboarding)
    {
        var validation = new RequestValidation();
        ValidateDispatcher(request, "", validation);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        await onboarding.AddDispatcherAsync(user.GetTenantId(), request);
        return TypedResults.NoContent();
    }
}
