using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;

namespace OrleansPortal.Testing;

/// <summary>
/// A real silo in a real host, in process, with the grains of the test assembly (add others through <c>configure</c>).
/// Each test starts its own (they are cheap) or shares one through a fixture. Shared by every test project (linked in as source).
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public IServiceProvider Services => _host.Services;

    public static async Task<TestSilo> StartAsync(Action<ISiloBuilder>? configure = null, TimeProvider? clock = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (clock is not null) builder.Services.AddSingleton(clock);
        builder.UseOrleans(silo =>
        {
            silo.AddGrainAssembly(typeof(TestSilo).Assembly);
            silo.AddMemoryStreams("StreamProvider");
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
