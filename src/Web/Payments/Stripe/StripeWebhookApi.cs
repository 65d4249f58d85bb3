using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansPortal.Web.Hosting;
using Stripe;

namespace OrleansPortal.Web.Payments.Stripe;

/// <summary>
/// <c>POST /api/v1/payments/stripe/webhook</c>: Stripe's events, each checked by its <c>Stripe-Signature</c> with the
/// SDK's <see cref="EventUtility.ConstructEvent(string, string, string, long, bool)"/> (the endpoint's signing secret
/// and a tolerance window against replays). A missing or wrong signature is 400 and changes nothing. An event is
/// answered 200 once processed (or when it was before); a failure answers 5xx so Stripe sends it again.
/// </summary>
public static partial class StripeWebhookApi
{
    public const string Path = "/api/v1/payments/stripe/webhook";

    /// <summary>Stripe's events are small; a body beyond this is not one.</summary>
    public const long MaxBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapStripeWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ReceiveAsync).AllowAnonymous().WithRequestBodyLimit(MaxBodyBytes).WithTags("Payments")
            .WithSummary("Stripe's webhook: events signed with the endpoint's secret (Stripe-Signature); each processed once.");
        return endpoints;
    }

    private static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, IOptions<PaymentsOptions> options, IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || string.IsNullOrWhiteSpace(settings.WebhookSecret))
            return TypedResults.Problem("Online payments are not set up here.", statusCode: StatusCodes.Status404NotFound);
        if (request.Headers["Stripe-Signature"] is not [{ Length: > 0 } signature])
            return TypedResults.Problem("A Stripe-Signature header is required.", statusCode: StatusCodes.Status400BadRequest);

        string body;
        using (var reader = new StreamReader(request.Body))
            body = await reader.ReadToEndAsync(cancellationToken);

        // The SDK's event construction in its two steps (ConstructEvent is exactly these): the signature first, then the
        // event, which is read whole only when it may be acted on.
        try
        {
            EventUtility.ValidateSignature(body, signature, settings.WebhookSecret, (long)settings.WebhookTolerance.TotalSeconds);
        }
        catch (StripeException refused)
        {
            LogRefused(loggers.CreateLogger(typeof(StripeWebhookApi)), refused.Message);
            return TypedResults.Problem("The event's signature does not verify with this endpoint's secret, or it is too old.", statusCode: StatusCodes.Status400BadRequest);
        }

        // Read before the whole event is: its type (most of what Stripe sends is acknowledged unread) and its id (an event
        // already processed, which Stripe repeats, is answered without reading it whole).
        var head = WebhookEventHead.Read(body);
        if (head.Type is { } type && !StripeEventProcessor.ActsOn(type)) return TypedResults.Ok(new WebhookReceipt(head.Id ?? "", AlreadyProcessed: false));
        var processor = services.GetRequiredService<StripeEventProcessor>();
        if (head.Id is { } id && await processor.WasProcessedAsync(id, cancellationToken)) return TypedResults.Ok(new WebhookReceipt(id, AlreadyProcessed: true));
        var stripeEvent = EventUtility.ParseEvent(body);
        var processed = await processor.ProcessAsync(stripeEvent, cancellationToken);
        return TypedResults.Ok(new WebhookReceipt(stripeEvent.Id, AlreadyProcessed: !processed));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Stripe webhook was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}

