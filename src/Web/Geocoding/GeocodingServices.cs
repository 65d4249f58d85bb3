using OrleansPortal.Web.Routing;

namespace OrleansPortal.Web.Geocoding;

/// <summary>
/// The geocoder reads the extract the road graph is built from (<see cref="RoutingServices.ExtractSetting"/>, resolved
/// the same way), so one setting says where both come from; "none" turns both off.
/// </summary>
public static class GeocodingServices
{
    public static IServiceCollection AddGeocoding(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var extract = RoutingServices.ResolveExtract(configuration[RoutingServices.ExtractSetting], environment.ContentRootPath);
        services.AddSingleton(provider => new AddressIndexLoader(extract, provider.GetRequiredService<ILogger<AddressIndexLoader>>()));
        services.AddHostedService<AddressIndexWarmUp>();
        return services;
    }

    /// <summary>Starts building the index as the app starts, so the first dispatcher to type an address does not wait for it.</summary>
    private sealed class AddressIndexWarmUp(AddressIndexLoader loader) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => loader.LoadAsync();
    }
}
