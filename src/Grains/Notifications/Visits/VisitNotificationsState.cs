using Orleans;

namespace OrleansPortal.Grains.Notifications.Visits;

[GenerateSerializer, Alias("op.VisitNotificationsState")]
public sealed class VisitNotificationsState
{
    /// <summary>The ticket as last handled; null before the first change.</summary>
    [Id(0)]
    public VisitSeen? Seen { get; set; }

    /// <summary>
    /// The visit's tracking link, issued with the first message that carries it and reused by the next ones (the
    /// arriving and delayed messages point to the same page). Kept in the clear because the queued messages hold it too.
    /// </summary>
    [Id(1)]
    public string? TrackingToken { get; set; }

    /// <summary>The link to the visit's satisfaction survey, issued with the review request (kept for the same reason).</summary>
    [Id(2)]
    public string? SurveyToken { get; set; }
}
