namespace Orleans;

/// <summary>
/// What code outside the grains (HTTP endpoints, hubs, hosted services) uses to reach them. In this runtime the
/// client is co-hosted with the silo, so it is always connected.
/// </summary>
public interface IClusterClient : IGrainFactory
{
    IServiceProvider ServiceProvider { get; }
}
