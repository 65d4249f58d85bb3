namespace OrleansPortal.Web.Notifications;

/// <summary>
/// Sends a provider's requests (Twilio's SDK, pushes to a push service) to <paramref name="address"/> instead of the host
/// they name, keeping their path and query: only for the local fakes of the tests and benchmarks (<c>Sms:ApiBaseUrl</c>,
/// <c>Notifications:WebPush:ServiceUrl</c>), and only in a client's handler chain when that setting is set.
/// </summary>
public sealed class ProviderAddressHandler(Uri address) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
            request.RequestUri = new UriBuilder(uri) { Scheme = address.Scheme, Host = address.Host, Port = address.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
