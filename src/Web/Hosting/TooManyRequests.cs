using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace OrleansPortal.Web.Hosting;

/// <summary>The one shape of a 429: a ProblemDetails body and a Retry-After header saying when to come back.</summary>
public static class TooManyRequests
{
    public static ProblemHttpResult Problem(HttpResponse response, TimeSpan retryAfter)
    {
        // Whole seconds, rounded up: "0" would invite an immediate retry that is refused again.
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            title: "Too many requests.",
            detail: $"Try again in {response.Headers.RetryAfter} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>The rate limiter's rejection (<see cref="RateLimiterOptions.OnRejected"/>), with the wait its lease names.</summary>
    public static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        // Every limiter here is a window, whose refusals name the wait; a full window is the safe answer otherwise.
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        await Problem(context.HttpContext.Response, wait).ExecuteAsync(context.HttpContext);
    }
}
