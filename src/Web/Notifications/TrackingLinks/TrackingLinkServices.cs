using Microsoft.AspNetCore.Rewrite;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Portal.Appointments;

namespace OrleansPortal.Web.Notifications.TrackingLinks;

public static class TrackingLinkServices
{
    /// <summary>The tracking pages' audience of the appointment feed, and the anonymous endpoints' rate limit.</summary>
    public static IServiceCollection AddTrackingLinks(this IServiceCollection services)
    {
        services.AddSingleton<TrackingAudience>();
        services.AddSingleton<IAppointmentAudience>(sp => sp.GetRequiredService<TrackingAudience>());
        // As generous as a page that reloads needs; tokens are 256 random bits, so this is hygiene, not defence against guessing.
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o =>
            o.AddPolicy(TrackingLinksApi.RateLimit, http => IdentityServices.PerClientAddress(http, 60, TimeSpan.FromMinutes(1))));
        return services;
    }

    /// <summary>Serves the tracking page at the exact address in the messages (/track/{token}); the page reads the token from its path.</summary>
    public static IApplicationBuilder UseTrackingPage(this IApplicationBuilder app) =>
        app.UseRewriter(new RewriteOptions().AddRewrite("^track/[A-Za-z0-9_-]{1,100}$", "track/index.html", skipRemainingRules: true));
}
