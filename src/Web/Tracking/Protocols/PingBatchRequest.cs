using System.ComponentModel.DataAnnotations;

namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>
/// The body of <c>POST /api/v1/pings</c> as the OpenAPI document describes it, so the typed client (the phone page)
/// is checked against it. The endpoint does not bind it: <see cref="PingBatchReader"/> reads the bytes in one pass and
/// names every bad field, so this record and the reader's field names must stay in step.
/// </summary>
public sealed record PingBatchRequest([property: MaxLength(PingBatchProtocol.MaxPings)] IReadOnlyList<PingRequest> Pings);

/// <param name="Device">The device token; left out when the request's Authorization: Bearer carries it.</param>
/// <param name="Time">When the fix was taken (ISO-8601).</param>
/// <param name="Speed">Metres per second.</param>
/// <param name="Heading">Degrees clockwise from north.</param>
/// <param name="Accuracy">Metres.</param>
/// <param name="Battery">Percent.</param>
public sealed record PingRequest(
    DateTimeOffset Time,
    double Lat,
    double Lon,
    [property: MaxLength(PingBatchProtocol.MaxDeviceLength)] string? Device = null,
    double? Speed = null,
    double? Heading = null,
    double? Altitude = null,
    double? Accuracy = null,
    double? Battery = null);
