namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>
/// What a protocol reader found in one request: the pings it could read, and for those it could not, why, keyed by
/// field (<c>lat</c>, <c>pings[3].time</c>) in the shape <c>TypedResults.ValidationProblem</c> takes. A ping with any
/// error is left out of <see cref="Pings"/>; whether the good ones of a partly bad request are kept is the endpoint's call.
/// Values are normalised but not range-checked (latitude 200 is read as 200).
/// </summary>
public sealed record ProtocolReadResult(IReadOnlyList<DevicePing> Pings, IDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
