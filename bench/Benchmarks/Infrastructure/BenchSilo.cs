using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;

namespace OrleansPortal.Benchmarks.Infrastructure;

/// <summary>An Orleans silo in this process, without the web host around it; the benchmark configures the rest.</summary>
internal sealed class BenchSilo(IHost host) : IAsyncDisposable
{
    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    public static async Task<BenchSilo> StartAsync(Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(configure);
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
    }

    /// <summary>A port nobody listens on now, for the silo.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
