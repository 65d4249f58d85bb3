using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Hosting;
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

    /// <summary>Anyone may learn healthy or unhealthy; only the operator (the admin key) learns why, since the why names servers.</summary>
    private static async Task<Results<Ok<HealthDto>, ProblemHttpResult>> CheckAsync(IClusterClient client, HttpContext http, IOptions<AdminOptions> admin, CancellationToken cancellationToken)
    {
        try
        {
            var report = await client.GetGrain<IHealthGrain>("silo").CheckAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return TypedResults.Ok(new HealthDto("Healthy", report.Heartbeats, report.CheckedAt));
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException || StorageOutage.Is(ex)) // StorageOutage covers timeouts
        {
            var detail = AdminKeyFilter.IsOperator(http, admin.Value) ? $"The silo could not complete a storage round-trip: {ex.Message}" : null;
            return TypedResults.Problem(title: "Unhealthy", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

public sealed record HealthDto(string Status, long Heartbeats, DateTimeOffset CheckedAt);
