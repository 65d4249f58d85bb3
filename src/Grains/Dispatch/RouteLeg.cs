using Orleans;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>
/// One leg of a technician's route as a line on the map: from the day's start (<paramref name="FromTicketId"/> null) or
/// a job, to a job or the day's end (<paramref name="ToTicketId"/> null). <paramref name="Polyline"/> is a Google encoded
/// polyline (precision 5) along the roads; <paramref name="Straight"/> marks the straight segment drawn instead when no
/// road graph is loaded or no road joins the two points.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.RouteLeg")]
public sealed record RouteLeg(string? FromTicketId, string? ToTicketId, string Polyline, bool Straight);
