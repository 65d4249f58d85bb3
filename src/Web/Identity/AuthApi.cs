using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Identity;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Identity;

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync)
            .WithSummary("Signs a dispatcher in with email and password (sets the auth cookie). After 10 wrong passwords a minute from one address, or 10 a quarter hour for one email, 429 with Retry-After.");
        group.MapPost("/logout", LogoutAsync).WithSummary("Signs out: the cookie, and every copy of it, stops working.");
        group.MapGet("/me", Me).RequireAuthorization(PortalClaims.DispatcherPolicy).WithSummary("The signed-in dispatcher.");
        return group;
    }

    private static async Task<Results<Ok<MeDto>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, IClusterClient grains, IPasswordHasher<UserLogin> hasher, LoginThrottle throttle, HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var email = EmailAddress.IsValid(request.Email) ? EmailAddress.Normalize(request.Email) : null;
        if (throttle.Refusal(address, email) is { } wait) return TooManyRequests.Problem(http.Response, wait);
        var failed = TypedResults.Problem(title: "Wrong email or password.", statusCode: StatusCodes.Status401Unauthorized);
        if (email is null || request.Password is not { Length: > 0 and <= InputLimits.Password })
        {
            throttle.RecordFailure(address, email);
            return failed;
        }

        var login = await grains.GetGrain<IUserLoginGrain>(email).GetAsync();
        // Verify even when the user is unknown, so the answer takes as long either way (no account enumeration by timing).
        var verdict = hasher.VerifyHashedPassword(login ?? UnknownUser, login?.PasswordHash ?? UnknownUser.PasswordHash, request.Password);
        if (login is null || verdict == PasswordVerificationResult.Failed)
        {
            throttle.RecordFailure(address, email);
            return failed;
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Email, login.Email),
                new Claim(ClaimTypes.Name, login.DisplayName),
                new Claim(ClaimTypes.Role, login.Role),
                new Claim(PortalClaims.TenantId, login.TenantId),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await SessionStamps.SignInAsync(http, CookieAuthenticationDefaults.AuthenticationScheme, identity);
        return TypedResults.Ok(new MeDto(login.Email, login.DisplayName, login.TenantId));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        await SessionStamps.SignOutAsync(http, CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<MeDto> Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new MeDto(user.GetEmail(), user.Identity?.Name ?? "", user.GetTenantId()));

    private static readonly UserLogin UnknownUser = new("", "", "", "", new PasswordHasher<UserLogin>().HashPassword(null!, Guid.NewGuid().ToString()));
}

public sealed record LoginRequest([property: MaxLength(InputLimits.Email)] string Email, [property: MaxLength(InputLimits.Password)] string Password);

public sealed record MeDto(string Email, string DisplayName, string TenantId);
