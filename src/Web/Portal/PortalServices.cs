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
}
