using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;

namespace OrleansPortal.Benchmarks.Infrastructure;

/// <summary>A silo in this process, configured as the app configures it, without the web host around it.</summary>
internal sealed class BenchSilo(IHost host) : IAsyncDisposable
{
    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    public static async Task<BenchSilo> StartAsync(Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.AddGrainAssembly(typeof(BenchSilo).Assembly);
            configure(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
