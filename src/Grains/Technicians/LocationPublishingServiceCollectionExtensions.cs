using Microsoft.Extensions.DependencyInjection;

namespace OrleansPortal.Grains.Technicians;

public static class LocationPublishingServiceCollectionExtensions
{
    /// <summary>Registers the node's <see cref="TenantLocationPublisher"/>, which technician grains publish their positions through.</summary>
    public static IServiceCollection AddLocationPublishing(this IServiceCollection services, LocationPublishingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = options ?? new LocationPublishingOptions();
        if (settings.TenantWindow <= TimeSpan.Zero || settings.TenantWindow > TimeSpan.FromSeconds(10))
            throw new ArgumentOutOfRangeException(nameof(options), settings.TenantWindow, "LocationPublishing:TenantWindow must be more than zero and at most 10 seconds.");
        services.AddSingleton(settings);
        services.AddSingleton<TenantLocationPublisher>();
        return services;
    }
}
