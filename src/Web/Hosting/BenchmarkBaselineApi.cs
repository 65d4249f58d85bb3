namespace OrleansPortal.Web.Hosting;

/// <summary>
/// For bench/run kestrel-baseline only (config Benchmarks:Baseline=true): an endpoint that reads a ping batch and
/// does nothing with it, so the ingestion benchmark can be compared with what Kestrel alone costs on this machine.
/// </summary>
public static class BenchmarkBaselineApi
{
    public const string Path = "/bench/baseline-pings";

    public static IEndpointRouteBuilder MapBenchmarkBaselineApi(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>("Benchmarks:Baseline")) return endpoints;
        endpoints.MapPost(Path, async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            var buffer = new byte[16 * 1024];
            while (await request.Body.ReadAsync(buffer, cancellationToken) > 0) { }
            return TypedResults.Ok();
        }).ExcludeFromDescription();
        return endpoints;
    }
}
