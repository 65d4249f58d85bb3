using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansPortal.Grains.Technicians.History;

public static class PingHistoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPingHistory"/> (one <see cref="PingHistory"/> per process: one writer, one queue) and a
    /// hosted service that creates the table at start and stores everything queued at a graceful stop. Settings are
    /// checked here, so a bad one fails at registration with a <see cref="OrleansPortal.Silo.Storage.StorageConfigurationException"/>.
    /// </summary>
    public static IServiceCollection AddPingHistory(this IServiceCollection services, Action<PingHistoryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new PingHistoryOptions();
        configure(options);
        options.Validate();
        services.AddSingleton(provider => new PingHistory(options, provider.GetRequiredService<ILogger<PingHistory>>()));
        services.AddSingleton<IPingHistory>(provider => provider.GetRequiredService<PingHistory>());
        services.AddHostedService<PingHistoryHostedService>();
        return services;
    }
}
