using System.Globalization;
using Twilio.Exceptions;

namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>
/// What a refusal from the Twilio API means for the message (<see cref="DeliveryFailedException.Permanent"/>), by
/// Twilio's documented error codes. Only codes that say this recipient or this message can never be sent are permanent;
/// anything else is retried with backoff: too many requests (429, code 20429), a Twilio outage (5xx), a network failure,
/// and refused credentials or sender (20003, 21606...), which the operator fixes without the message being at fault.
/// A request Twilio never answered is <see cref="DeliveryFailedException.Unanswered"/>: Twilio may have the message.
/// </summary>
public static class TwilioFailures
{
    /// <summary>Twilio's codes for a message that sending again will never get through.</summary>
    public static readonly IReadOnlyDictionary<int, string> PermanentCodes = new Dictionary<int, string>
    {
        [21211] = "invalid 'To' number",
        [21265] = "'To' number is a short code",
        [21408] = "no permission to send to the 'To' number's region",
        [21602] = "message body is required",
        [21610] = "the recipient unsubscribed (texted STOP)",
        [21612] = "the 'To' number cannot be reached by SMS from this sender",
        [21614] = "'To' number is not a mobile number",
        [21617] = "message body exceeds 1600 characters",
        [21635] = "'To' number cannot be reached: it is a landline",
    };

    /// <summary>The failure to report for <paramref name="exception"/>, thrown by the SDK or its transport.</summary>
    public static DeliveryFailedException From(Exception exception) => exception switch
    {
        ApiException { Code: > 0 } api => new DeliveryFailedException(
            $"Twilio refused the message: error {api.Code} (HTTP {api.Status}){Meaning(api.Code)}.",
            PermanentCodes.ContainsKey(api.Code), api.Code.ToString(CultureInfo.InvariantCulture), exception),
        // No Twilio error in the body: a proxy or an outage answered, not Twilio's API.
        ApiException => new DeliveryFailedException("Twilio's API answered with an error that names no Twilio code.", false, null, exception),
        _ when NeverConnected(exception) => new DeliveryFailedException("Twilio's API could not be reached.", false, null, exception),
        _ => new DeliveryFailedException("Twilio's API did not answer; it may have taken the message.", false, null, exception) { Unanswered = true },
    };

    // The SDK wraps its transport's failure (ApiConnectionException around an HttpRequestException). A request that never
    // got a connection never reached Twilio; one that timed out or broke later may have.
    private static bool NeverConnected(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError })
                return true;
        }

        return false;
    }

    private static string Meaning(int code) => PermanentCodes.TryGetValue(code, out var meaning) ? $": {meaning}" : "";
}
