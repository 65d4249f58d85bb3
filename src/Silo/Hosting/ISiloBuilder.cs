using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Hosting;

/// <summary>Configures the silo: storage, reminders, streams, filters, grain assemblies, options.</summary>
public interface ISiloBuilder
{
    IServiceCollection Services { get; }
}

internal sealed record SiloBuilder(IServiceCollection Services) : ISiloBuilder;
