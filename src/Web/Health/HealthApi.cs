using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains.Diagnostics;

namespace OrleansPortal.Web.Health;

public static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/health").WithTags("Health");
        group.MapGet("/", CheckAsync).WithSummary("Liveness and readiness: a grain activates and its state round-trips through storage.");
        return group;
    }

    private static async Task<Results<Ok<HealthDto>, ProblemHttpResult>> CheckAsync(IClusterClient client, CancellationToken cancellationToken)
    {
        try
        {
            var report = await client.GetGrain<IHealthGrain>("silo").CheckAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return TypedResults.Ok(new HealthDto("Healthy", report.Heartbeats, report.CheckedAt));
        }
        catch (Exception ex) when (ex is TimeoutException or System.Data.Common.DbException)
        {
            return TypedResults.Problem(title: "Unhealthy", detail: $"The silo could not complete a storage round-trip: {ex.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

public sealed record HealthDto(string Status, long Heartbeats, DateTimeOffset CheckedAt);
