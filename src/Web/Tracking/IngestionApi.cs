using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Web.Tracking.Protocols;

namespace OrleansPortal.Web.Tracking;

/// <summary>
/// Where phones post positions: our JSON batch API, Traccar's OsmAnd protocol (Traccar Client, OsmAnd, GPSLogger)
/// and OwnTracks' HTTP mode. All authenticate by device token alone (the apps can do nothing else), so a token
/// is a secret; an unknown or revoked one gets 401 and nothing is stored.
/// </summary>
public static class IngestionApi
{
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/pings", PingsAsync).WithTags("Tracking").AllowAnonymous().AddOpenApiOperationTransformer(DescribeBodyAsync)
            .WithSummary("A batch of pings (at most 1,000), each with its device token or the Authorization: Bearer token.");
        endpoints.MapMethods("/gps/osmand", ["GET", "POST"], OsmAndAsync).WithTags("Tracking").AllowAnonymous()
            .WithSummary("Traccar's OsmAnd protocol: query, form or JSON; the device id is the device token.");
        endpoints.MapPost("/gps/owntracks", OwnTracksAsync).WithTags("Tracking").AllowAnonymous()
            .WithSummary("OwnTracks HTTP mode; the device token is the Basic auth password (or ?id=). Answers [].");
        return endpoints;
    }

    private static async Task<Results<Ok<PingBatchResult>, ValidationProblem, ProblemHttpResult>> PingsAsync(HttpRequest request, PingIngestion ingestion, CancellationToken cancellationToken)
    {
        var read = await PingBatchProtocol.ReadAsync(request, cancellationToken);
        var outcome = await IngestAsync(read, ingestion, cancellationToken);
        if (outcome.Result is { } result) return TypedResults.Ok(result);
        return outcome.IsUnauthorized ? UnknownToken() : Rejected(outcome);
    }

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> OsmAndAsync(HttpRequest request, PingIngestion ingestion, DomainClock clock, CancellationToken cancellationToken)
    {
        var read = await OsmAndProtocol.ReadAsync(request, clock.GetUtcNow(), cancellationToken);
        var outcome = await IngestAsync(read, ingestion, cancellationToken);
        if (outcome.Result is not null) return TypedResults.Ok();
        return outcome.IsUnauthorized ? UnknownToken() : Rejected(outcome);
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> OwnTracksAsync(HttpRequest request, PingIngestion ingestion, CancellationToken cancellationToken)
    {
        var read = await OwnTracksProtocol.ReadAsync(request, cancellationToken);
        var outcome = await IngestAsync(read, ingestion, cancellationToken);
        // OwnTracks expects a JSON array of messages for the phone; we have none to send.
        if (outcome.Result is not null) return TypedResults.Content("[]", "application/json");
        return outcome.IsUnauthorized ? UnknownToken() : Rejected(outcome);
    }

    // The body is described, not declared: Accepts<T>() would also make routing answer any other content type with a bare
    // 415, where the reader answers a 400 that says to send application/json.
    private static async Task DescribeBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) =>
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(PingBatchRequest), parameterDescription: null, cancellationToken) },
            },
        };

    private static Task<IngestionOutcome> IngestAsync(ProtocolReadResult read, PingIngestion ingestion, CancellationToken cancellationToken) =>
        read.Errors.Count > 0 ? Task.FromResult(IngestionOutcome.Invalid(read.Errors)) : ingestion.IngestAsync(read.Pings, cancellationToken);

    private static ProblemHttpResult UnknownToken() => TypedResults.Problem(
        title: "Unknown or revoked device token.",
        detail: "Ask your dispatcher for a device token and configure it as the device id.",
        statusCode: StatusCodes.Status401Unauthorized);

    private static ValidationProblem Rejected(IngestionOutcome outcome) =>
        TypedResults.ValidationProblem(outcome.Errors!, title: "The pings were rejected; nothing was stored.");
}
