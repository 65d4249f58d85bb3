using Microsoft.Extensions.Options;
using OrleansPortal.Web.Portal;
using Twilio.Security;

namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>
/// Checks a webhook's <c>X-Twilio-Signature</c> with the SDK's <see cref="RequestValidator"/>: an HMAC of the URL Twilio
/// called and the form's fields under the account's auth token. The URL is rebuilt from the configured public base URL
/// (<see cref="SmsOptions.PublicBaseUrl"/>), never from the request's Host, which differs behind a proxy and is the
/// caller's to choose.
/// </summary>
public sealed class TwilioSignature(IOptions<SmsOptions> options, IOptions<PortalOptions> portal)
{
    public const string Header = "X-Twilio-Signature";

    /// <summary>The form when it carries a good signature, else null (also when no auth token is configured: nothing can be verified).</summary>
    public async Task<IFormCollection?> ReadVerifiedFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var token = options.Value.AuthToken;
        var signature = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(token) || signature.Length == 0 || !request.HasFormContentType) return null;

        var form = await request.ReadFormAsync(cancellationToken);
        var url = SmsWebhooksApi.PublicUrl(options.Value, portal.Value, request.Path + request.QueryString);
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        return new RequestValidator(token).Validate(url, fields, signature) ? form : null;
    }
}
