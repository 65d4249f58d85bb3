using OrleansPortal.Testing;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Tests.Grains;

namespace OrleansPortal.Silo.Tests.Infrastructure;

/// <summary>
/// A real silo configured exactly as the app's (<see cref="PortalSiloBuilderExtensions.UseOrleansPortalCluster"/>), in
/// its own host, on a free port, with the test grains and a one-second minimum reminder period.
/// </summary>
public sealed class PortalSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private PortalSilo(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public IServiceProvider Services => _host.Services;

    /// <summary>What the test reminder grain recorded on this silo.</summary>
    public ReminderTicks Ticks => _host.Services.GetRequiredService<ReminderTicks>();

    public static async Task<PortalSilo> StartAsync(SiloDatabase database, Action<ISiloBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ReminderTicks>();
        builder.UseOrleans(silo =>
        {
            silo.UseOrleansPortalCluster(database, new ClusterSettings
            {
                ClusterId = "test-cluster",
                ServiceId = "test-service",
                SiloPort = FreePort.Next(),
                AdvertisedAddress = IPAddress.Loopback.ToString(),
            });
            // Orleans refuses reminder periods under a minute by default; the tests cannot wait that long.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        var started = false;
        try
        {
            await host.StartAsync();
            started = true;
        }
        finally
        {
            if (!started) host.Dispose();
        }

        return new PortalSilo(host);
    }

    /// <summary>Stops the silo the way a node shuts down: it leaves the cluster and says so in the membership table.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _host.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
