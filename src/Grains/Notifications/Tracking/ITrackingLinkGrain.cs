using Orleans;

namespace OrleansPortal.Grains.Notifications.Tracking;

/// <summary>
/// One tracking link, keyed by the SHA-256 (hex) of its token (<see cref="SecretToken"/>): the token itself is never
/// stored. It shows one ticket of one tenant until it is revoked or expires (<see cref="TrackingLinkPolicy"/>).
/// </summary>
[Alias("op.ITrackingLinkGrain")]
public interface ITrackingLinkGrain : IGrainWithStringKey
{
    /// <summary>Binds the link to its ticket; throws <see cref="ConflictException"/> if this hash was issued before.</summary>
    Task IssueAsync(TrackingLinkGrant grant);

    /// <summary>The ticket the link shows, or null when the link was never issued, was revoked or has expired: callers cannot tell which.</summary>
    Task<TrackingLinkGrant?> ResolveAsync();

    /// <summary>Stops the link for good; revoking twice, or a link never issued, changes nothing.</summary>
    Task RevokeAsync();
}

/// <param name="ExpiresAt">The latest moment the link works whatever happens to the ticket.</param>
[GenerateSerializer, Immutable, Alias("op.TrackingLinkGrant")]
public sealed record TrackingLinkGrant(string TenantId, string TicketId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
