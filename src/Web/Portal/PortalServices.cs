using Microsoft.AspNetCore.Rewrite;

namespace OrleansPortal.Web.Portal;

public static class PortalServices
{
    /// <summary>The customer portal's options and its magic-link mail pipeline (outbox and background sender).</summary>
    public static IServiceCollection AddCustomerPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PortalOptions>(configuration.GetSection(PortalOptions.SectionName));
        services.AddSingleton<MagicLinkOutbox>();
        services.AddHostedService<MagicLinkSender>();
        return services;
    }

    /// <summary>
    /// Serves the landing page of sign-in links at the exact address in the emails (/portal/login?token=...). Without this the
    /// static files would answer with a redirect to /portal/login/, bouncing the token through one more response.
    /// </summary>
    public static IApplicationBuilder UsePortalLinkLanding(this IApplicationBuilder app) =>
        app.UseRewriter(new RewriteOptions().AddRewrite("^portal/login$", "portal/login/index.html", skipRemainingRules: true));
}
