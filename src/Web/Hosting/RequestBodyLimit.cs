using Microsoft.AspNetCore.Http.Metadata;

namespace OrleansPortal.Web.Hosting;

/// <summary>
/// How large a request body an endpoint takes. Kestrel enforces it: the routing middleware hands the endpoint's limit
/// (<see cref="IRequestSizeLimitMetadata"/>) to the server, which refuses a larger body with 413 as soon as the
/// handler starts reading it (at once when the declared Content-Length is larger), before it is buffered anywhere.
/// The in-memory test server has no such limit.
/// </summary>
public static class RequestBodyLimit
{
    /// <summary>Bodies of at most <paramref name="bytes"/>; an endpoint's own limit wins over its group's.</summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Limit(bytes));

    /// <summary>Adds a clear detail to a 413 answer: which limit the body broke, and that nothing happened.</summary>
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status413PayloadTooLarge || context.ProblemDetails.Detail is not null) return;
        var limit = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        context.ProblemDetails.Detail = limit is { } bytes
            ? $"The request body is larger than the {Size(bytes)} this endpoint accepts; nothing was changed."
            : "The request body is too large; nothing was changed.";
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    private sealed record Limit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
