using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.OptOuts;
using OrleansPortal.Web.Portal;

namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>
/// Twilio's webhooks: message status callbacks and inbound texts. Anonymous, and believed only with a good
/// <c>X-Twilio-Signature</c> (<see cref="TwilioSignature"/>): anything else gets 403 and changes nothing.
/// </summary>
public static partial class SmsWebhooksApi
{
    public const string StatusPath = "/api/v1/notifications/sms/status";

    public const string InboundPath = "/api/v1/notifications/sms/inbound";

    /// <summary>Twilio's message statuses (lower-case, as its callbacks send them).</summary>
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "accepted", "scheduled", "queued", "sending", "sent", "delivered", "undelivered", "failed", "read", "canceled", "partially_delivered",
        "receiving", "received",
    };

    public static RouteGroupBuilder MapSmsWebhooksApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("SMS webhooks").AllowAnonymous().DisableAntiforgery();
        group.MapPost(StatusPath, StatusAsync)
            .WithSummary("Twilio's status callback of a message we sent (form: MessageSid, MessageStatus, ErrorCode), signed with X-Twilio-Signature.");
        group.MapPost(InboundPath, InboundAsync)
            .WithSummary("A text sent to our number (form: From, To, Body), signed with X-Twilio-Signature. STOP, START and HELP are answered here; the reply is TwiML.");
        return group;
    }

    /// <summary>The public address of <paramref name="pathAndQuery"/>: as Twilio calls it and signs it.</summary>
    public static string PublicUrl(SmsOptions sms, PortalOptions portal, string pathAndQuery)
    {
        var baseUrl = string.IsNullOrWhiteSpace(sms.PublicBaseUrl) ? portal.PublicBaseUrl : sms.PublicBaseUrl;
        return baseUrl.TrimEnd('/') + pathAndQuery;
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> StatusAsync(
        HttpRequest request, TwilioSignature signature, ISmsDeliveryReports reports, CancellationToken cancellationToken)
    {
        if (await signature.ReadVerifiedFormAsync(request, cancellationToken) is not { } form) return Refused();

        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString();
        var errorCode = form["ErrorCode"].ToString();
        if (!MessageSid().IsMatch(sid)) return BadField("MessageSid", "MessageSid must be Twilio's message SID (SM or MM and 32 hex characters).");
        if (!Statuses.Contains(status)) return BadField("MessageStatus", "MessageStatus must be one of Twilio's message statuses.");
        if (errorCode.Length > 0 && !ErrorCode().IsMatch(errorCode)) return BadField("ErrorCode", "ErrorCode must be a Twilio error code (digits).");

        await reports.RecordAsync(sid, status, errorCode.Length == 0 ? null : errorCode, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult, ValidationProblem>> InboundAsync(
        HttpRequest request, TwilioSignature signature, IOptions<SmsOptions> options, IOptOutStore optOuts, IInboundSmsHandler inbound,
        DomainClock clock, CancellationToken cancellationToken)
    {
        if (await signature.ReadVerifiedFormAsync(request, cancellationToken) is not { } form) return Refused();

        var (from, to, body) = (form["From"].ToString(), form["To"].ToString(), form["Body"].ToString());
        if (from.Length is 0 or > OptOutStore.MaxKeyLength) return BadField("From", "From must be the sender's number.");
        if (to.Length is 0 or > OptOutStore.MaxKeyLength) return BadField("To", "To must be our number.");

        // Opt-outs are kept against the sender the app sends as: the Messaging Service (all its numbers) when it has one.
        var sender = string.IsNullOrWhiteSpace(options.Value.MessagingServiceSid) ? to : options.Value.MessagingServiceSid;
        var now = clock.GetUtcNow();
        switch (SmsKeywords.Of(body))
        {
            case SmsKeyword.Stop:
                await optOuts.RecordAsync(new OptOutChange(NotificationChannel.Sms, from, sender, true, now, OptOutSources.SmsStop), cancellationToken);
                return Reply(TwiML.Empty()); // Twilio confirms the opt-out itself
            case SmsKeyword.Start:
                await optOuts.RecordAsync(new OptOutChange(NotificationChannel.Sms, from, sender, false, now, OptOutSources.SmsStart), cancellationToken);
                return Reply(TwiML.Empty());
            case SmsKeyword.Help:
                return Reply(TwiML.Message(options.Value.HelpText));
            default:
                await inbound.HandleAsync(new InboundSms(form["MessageSid"].ToString(), from, to, body, now), cancellationToken);
                return Reply(TwiML.Empty());
        }
    }

    private static ContentHttpResult Reply(string twiml) => TypedResults.Content(twiml, TwiML.ContentType, System.Text.Encoding.UTF8);

    private static ProblemHttpResult Refused() => TypedResults.Problem(
        title: "Signature refused.",
        detail: "This webhook must come from Twilio, signed with X-Twilio-Signature over the URL it called and the form it sent.",
        statusCode: StatusCodes.Status403Forbidden);

    private static ValidationProblem BadField(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    [GeneratedRegex("^(SM|MM)[0-9a-f]{32}$")]
    private static partial Regex MessageSid();

    [GeneratedRegex("^[0-9]{1,10}$")]
    private static partial Regex ErrorCode();
}
