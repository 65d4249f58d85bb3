using Microsoft.AspNetCore.Diagnostics;
using OrleansPortal.Grains;

namespace OrleansPortal.Web.Hosting;

/// <summary>
/// The one place where grain exceptions become HTTP answers: not found 404, conflict or refused transition 409; a call
/// that took too long, or storage or a node that cannot be reached (<see cref="StorageOutage"/>), 503 with Retry-After
/// and a detail that names no server. A write whose outcome is unknown gets no answer at all. Anything else stays a 500
/// (a bug), logged by the framework.
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (StorageOutage.OutcomeUnknown(exception, http.Request))
        {
            // Neither "done" nor "nothing was changed" would be known to be true: no answer, as from a server that
            // died. The client's retry finds out (a stored ping is taken as a duplicate, a ticket's status as it is).
            http.Abort();
            return true;
        }

        var (status, title) = exception switch
        {
            NotFoundException => (StatusCodes.Status404NotFound, "Not found."),
            ConflictException => (StatusCodes.Status409Conflict, "Conflict."),
            Grains.Tickets.InvalidTransitionException => (StatusCodes.Status409Conflict, "That status change is not allowed."),
            Grains.Dispatch.AssignmentRefusedException => (StatusCodes.Status409Conflict, "The assignment is not possible."),
            // Kestrel's, past the endpoint's body limit (RequestBodyLimit) while a handler reads a form by hand.
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "The request body is too large."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request."),
            _ when StorageOutage.Is(exception) => (StatusCodes.Status503ServiceUnavailable, "The service is temporarily unavailable."),
            _ => (0, ""),
        };
        if (status == 0) return false;

        http.Response.StatusCode = status;
        string? detail = status == StatusCodes.Status413PayloadTooLarge ? null : exception.Message; // RequestBodyLimit.Describe names the limit
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // The message of a driver or of Orleans names hosts and ports; the caller needs only to know when to come back.
            http.Response.Headers.RetryAfter = ((int)StorageOutage.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            detail = "Nothing was changed. Try again in a few seconds.";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
