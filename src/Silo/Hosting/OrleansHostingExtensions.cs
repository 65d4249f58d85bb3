using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Diagnostics;
using Orleans.Runtime;

namespace Orleans.Hosting;

/// <summary>Adds a silo (and its co-hosted client) to a host.</summary>
public static class OrleansHostingExtensions
{
    public static IHostApplicationBuilder UseOrleans(this IHostApplicationBuilder builder, Action<ISiloBuilder> configure)
    {
        builder.Services.AddOrleans(configure);
        return builder;
    }

    public static IServiceCollection AddOrleans(this IServiceCollection services, Action<ISiloBuilder> configure)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SiloMessagingOptions>();
        services.AddOptions<GrainCollectionOptions>();
        services.AddOptions<ReminderOptions>();
        services.AddSingleton<SiloMetrics>();
        services.AddSingleton<SiloRuntime>();
        services.AddSingleton(sp => new Lazy<SiloRuntime>(sp.GetRequiredService<SiloRuntime>));
        services.AddSingleton<IClusterClient>(sp => sp.GetRequiredService<SiloRuntime>().GrainFactory);
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<SiloRuntime>().GrainFactory);
        services.TryAddSingleton<IReminderTable, InMemoryReminderTable>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<SiloStartup>();
        services.AddHostedService<SiloHostedService>();
        configure(new SiloBuilder(services));
        return services;
    }

    /// <summary>
    /// Runs the silo's start-up tasks (storage schemas) now, before the host starts, so that a wrong storage
    /// configuration fails with its own exception instead of inside host start-up. Optional: the host runs them otherwise.
    /// </summary>
    public static Task InitializeSiloAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<SiloStartup>().RunOnceAsync(cancellationToken);
}
