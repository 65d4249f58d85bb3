namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>
/// Our own JSON API for <c>POST /api/v1/pings</c>, used by our page and by integrations:
/// <c>{"pings": [{"device"?, "time", "lat", "lon", "speed"?, "heading"?, "altitude"?, "accuracy"?, "battery"?}]}</c>
/// with time in ISO-8601, speed in m/s, battery in percent. A ping without "device" belongs to the device whose
/// token is in <c>Authorization: Bearer</c>.
/// </summary>
public static class PingBatchProtocol
{
    public const int MaxPings = 1000;

    /// <summary>The longest device token a ping may name (ours are 43 characters; tracking apps' ids are shorter).</summary>
    public const int MaxDeviceLength = 256;

    /// <summary>
    /// Reads every ping of the batch. Never throws for malformed input, only when <paramref name="cancellationToken"/>
    /// is cancelled. Consumes the request body.
    /// </summary>
    public static async Task<ProtocolReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new ProtocolErrors();
        if (!ContentTypes.IsJson(request.ContentType))
        {
            errors.Add("body", $"content type '{ProtocolErrors.Quote(request.ContentType)}' is not read: send application/json");
            return errors.ToResult();
        }

        using var body = await RequestBody.ReadAsync(request, errors, cancellationToken);
        if (body is null || !JsonBody.TryPrepare(body.Memory, errors, out var json))
            return errors.ToResult();
        var bearerToken = AuthorizationHeader.BearerToken(request.Headers.Authorization);
        return PingBatchReader.Read(json.Span, bearerToken, errors);
    }
}
