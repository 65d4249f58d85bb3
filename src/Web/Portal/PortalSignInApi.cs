using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Identity;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Portal;

/// <summary>
/// Magic-link sign-in for customer contacts. Asking for a link answers the same 202 whatever the email (no account
/// enumeration); the link opens a page that posts its token here, so a mail scanner fetching the link burns nothing.
/// </summary>
public static class PortalSignInApi
{
    public const int TokenLength = 43;

    public static RouteGroupBuilder MapPortalSignInApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/portal").WithTags("Portal sign-in");
        group.MapPost("/magic-links", RequestLink).RequireRateLimiting(IdentityServices.MagicLinkRateLimit)
            .WithSummary("Emails a sign-in link to a customer contact. Answers 202 whether or not the email is known.");
        group.MapPost("/session", SignInAsync).RequireRateLimiting(IdentityServices.PortalSessionRateLimit)
            .WithSummary("Redeems a magic-link token (once, within 15 minutes) and sets the customer cookie.");
        group.MapDelete("/session", SignOutAsync).WithSummary("Signs the customer out: the cookie, and every copy of it, stops working.");
        return group;
    }

    private static Results<Accepted<LinkRequested>, ValidationProblem> RequestLink(MagicLinkRequest request, MagicLinkOutbox outbox)
    {
        // Only the shape of the address is judged here; whether anyone has it is decided off the request path.
        if (!EmailAddress.IsValid(request.Email))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["A valid email address is required."] });
        outbox.Enqueue(EmailAddress.Normalize(request.Email));
        return TypedResults.Accepted((string?)null, LinkRequested.Instance);
    }

    private static async Task<Results<Ok<PortalMeDto>, ProblemHttpResult>> SignInAsync(SessionRequest request, IClusterClient grains, HttpContext http)
    {
        var refused = TypedResults.Problem(
            title: "This sign-in link is not valid any more.",
            detail: "Links work once and for 15 minutes. Ask for a new one.",
            statusCode: StatusCodes.Status401Unauthorized);
        if (!LooksLikeToken(request.Token)) return refused;
        var grant = await grains.GetGrain<IMagicLinkGrain>(SecretToken.Hash(request.Token)).RedeemAsync();
        if (grant is null) return refused;

        var contact = grant.Contact;
        var customer = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(contact.TenantId, contact.CustomerId)).GetAsync();
        var person = customer.Contacts.FirstOrDefault(c => c.ContactId == contact.ContactId);
        if (person is null) return refused; // removed since the link was sent

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Email, person.Email),
                new Claim(ClaimTypes.Name, person.Name),
                new Claim(ClaimTypes.Role, PortalClaims.CustomerRole),
                new Claim(PortalClaims.TenantId, contact.TenantId),
                new Claim(PortalClaims.CustomerId, contact.CustomerId),
                new Claim(PortalClaims.ContactId, contact.ContactId),
                new Claim(PortalClaims.ContactRole, person.Role.ToString()),
            ],
            PortalClaims.CustomerScheme);
        await SessionStamps.SignInAsync(http, PortalClaims.CustomerScheme, identity);
        return TypedResults.Ok(await PortalMeDto.LoadAsync(grains, contact.TenantId, customer, person));
    }

    // The unused token keeps this from reading as a RequestDelegate, whose result would be discarded.
    private static async Task<NoContent> SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        await SessionStamps.SignOutAsync(http, PortalClaims.CustomerScheme);
        return TypedResults.NoContent();
    }

    // 32 bytes in base64url without padding are 43 characters; anything else was never issued, so no grain is asked.
    private static bool LooksLikeToken(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

public sealed record MagicLinkRequest([property: MaxLength(InputLimits.Email)] string Email);

public sealed record SessionRequest([property: MaxLength(PortalSignInApi.TokenLength)] string Token);

public sealed record LinkRequested(string Message)
{
    public static LinkRequested Instance { get; } = new("If this email belongs to a customer contact, a sign-in link is on its way. It works once, for 15 minutes.");
}
