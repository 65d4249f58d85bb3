namespace OrleansPortal.Web.Notifications.WebPush;

/// <summary>
/// Sends pushes to <see cref="WebPushOptions.ServiceUrl"/> (the tests' fake push service) instead of their endpoint's
/// host, keeping the path that names the subscription. The VAPID token still names the endpoint's origin as its audience,
/// as it would for a real push service. Only in the handler chain when that setting is set.
/// </summary>
public sealed class PushServiceUrlHandler(Uri serviceUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } endpoint)
            request.RequestUri = new UriBuilder(endpoint) { Scheme = serviceUrl.Scheme, Host = serviceUrl.Host, Port = serviceUrl.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
