namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>
/// Sends the SDK's requests, which always name Twilio's own host, to <see cref="SmsOptions.ApiBaseUrl"/> instead (a fake
/// Twilio), keeping their path and query. Only in the handler chain when that setting is set.
/// </summary>
public sealed class TwilioApiBaseUrlHandler(Uri baseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
