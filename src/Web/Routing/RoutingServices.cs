using Microsoft.Extensions.Options;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;
using OrleansPortal.Web.Routing.TravelModels;

namespace OrleansPortal.Web.Routing;

/// <summary>
/// The travel-time service the grains plan with. "Routing:Extract" names an OpenStreetMap PBF file; unset, the Porto
/// extract under samples/osm is looked for above the content root (so `dotnet run` finds it); "none" (or a missing
/// file) means great-circle estimates and straight route lines everywhere. The graph is built once per process and file,
/// in the background at start-up; matrices and route legs are cached.
/// </summary>
public static class RoutingServices
{
    public const string ExtractSetting = "Routing:Extract";
    private const string SampleExtract = "samples/osm/porto_portugal.osm.pbf";

    public static IServiceCollection AddTravelTime(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var extract = ResolveExtract(configuration[ExtractSetting], environment.ContentRootPath);
        services.AddSingleton(provider => new RoadNetworkLoader(extract, provider.GetRequiredService<ILogger<RoadNetworkLoader>>()));
        services.AddSingleton<ITravelTimeService>(provider =>
        {
            var loader = provider.GetRequiredService<RoadNetworkLoader>();
            var cache = new CachedTravelTimeService(loader);
            loader.TravelTimesChanged += cache.Clear; // matrices of the old times must not outlive them
            return cache;
        });
        services.AddSingleton<IRouteGeometry>(provider =>
        {
            var loader = provider.GetRequiredService<RoadNetworkLoader>();
            var cache = new CachedRouteGeometry(loader);
            loader.TravelTimesChanged += cache.Clear;
            return cache;
        });
        services.AddHostedService<RoadNetworkWarmUp>();

        services.Configure<TravelModelOptions>(configuration.GetSection(TravelModelOptions.Section));
        services.AddSingleton(provider => new TravelModelStore(
            provider.GetRequiredService<IOptions<TravelModelOptions>>().Value.Directory is { } directory
                ? Path.GetFullPath(directory, environment.ContentRootPath)
                : Path.Combine(environment.ContentRootPath, "data", "travel-models"),
            provider.GetRequiredService<ILogger<TravelModelStore>>()));
        services.AddSingleton(provider => new CompanyTravelModels(provider.GetRequiredService<RoadNetworkLoader>(), provider.GetRequiredService<ITravelTimeService>()));
        services.AddSingleton<ICompanyTravelTimes>(provider => provider.GetRequiredService<CompanyTravelModels>());
        services.AddSingleton<TravelModelStatus>();
        services.AddSingleton<CompanyModelTraining>();
        services.AddSingleton<ICompanyModelTrainer>(provider => provider.GetRequiredService<CompanyModelTraining>());
        services.AddSingleton<TravelModelTraining>();
        services.AddHostedService(provider => provider.GetRequiredService<TravelModelTraining>());
        return services;
    }

    internal static string? ResolveExtract(string? setting, string contentRoot)
    {
        if (string.Equals(setting, "none", StringComparison.OrdinalIgnoreCase)) return null;
        if (!string.IsNullOrWhiteSpace(setting)) return Path.GetFullPath(setting, contentRoot);
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, SampleExtract);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Starts building the graph as the app starts, so the first plan does not wait for it.</summary>
    private sealed class RoadNetworkWarmUp(RoadNetworkLoader loader) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(loader.WarmUp, stoppingToken);
    }
}
