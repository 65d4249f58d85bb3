using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OrleansPortal.Grains.Identity;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Identity;

public static class IdentityServices
{
    public const string MagicLinkRateLimit = "magic-links";
    public const string PortalSessionRateLimit = "portal-session";

    /// <summary>
    /// Cookie sign-in, one scheme for dispatchers (pages redirect to /login) and one for customer contacts (pages redirect to
    /// /portal/); APIs answer 401/403 ProblemDetails. Each policy names its scheme, so neither kind of cookie satisfies the other's.
    /// The cookies' keys are the cluster's (<see cref="KeyRingOptions"/>), so every node accepts a cookie another node issued.
    /// </summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        // One application name whatever folder a node runs from: the default (the content root) differs between installs.
        var dataProtection = services.AddDataProtection().SetApplicationName("OrleansPortal");
        var keyRing = configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (!string.IsNullOrWhiteSpace(keyRing.KeyDirectory)) dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keyRing.KeyDirectory));
        services.AddSingleton<IPasswordHasher<UserLogin>, PasswordHasher<UserLogin>>();
        services.AddSingleton<LoginThrottle>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options => Configure(options, "orleansportal.auth", "/login", TimeSpan.FromHours(12)))
            // Strict SameSite holds for customers too although sign-in starts from an email: the landing page's own POST sets the cookie.
            .AddCookie(PortalClaims.CustomerScheme, options => Configure(options, "orleansportal.customer", "/portal/", TimeSpan.FromDays(7)));
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalClaims.DispatcherPolicy, policy => policy
                .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme)
                .RequireRole(PortalClaims.DispatcherRole)
                .RequireClaim(PortalClaims.TenantId))
            .AddPolicy(PortalClaims.CustomerPolicy, policy => policy
                .AddAuthenticationSchemes(PortalClaims.CustomerScheme)
                .RequireRole(PortalClaims.CustomerRole)
                .RequireClaim(PortalClaims.TenantId)
                .RequireClaim(PortalClaims.CustomerId)
                .RequireClaim(PortalClaims.ContactId));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = TooManyRequests.OnRejectedAsync;
            // Password guessing is limited by LoginThrottle, which counts failures only.
            // Mail bombing and email probing from one address; each email also has its own limit (ContactEmailGrain).
            options.AddPolicy(MagicLinkRateLimit, http => PerClientAddress(http, 10, TimeSpan.FromMinutes(15)));
            // Tokens are 256 random bits, so this is hygiene rather than defence against guessing; kept apart from the
            // dispatchers' password limit so customers behind one address do not use up the dispatchers' attempts.
            options.AddPolicy(PortalSessionRateLimit, http => PerClientAddress(http, 30, TimeSpan.FromMinutes(1)));
        });
        return services;
    }

    private static void Configure(CookieAuthenticationOptions options, string cookieName, string loginPath, TimeSpan lifetime)
    {
        options.Cookie.Name = cookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        // Secure whenever the request is https, as the configured proxy reports it (ProxySettings) behind a TLS front door.
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = loginPath;
        options.ExpireTimeSpan = lifetime;
        options.SlidingExpiration = true;
        options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        options.Events.OnValidatePrincipal = SessionStamps.ValidateAsync;
    }

    /// <summary>A fixed window per client address (as the configured proxies report it).</summary>
    public static RateLimitPartition<string> PerClientAddress(HttpContext http, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window });

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
