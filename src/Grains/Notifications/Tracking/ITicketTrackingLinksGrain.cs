using Orleans;

namespace OrleansPortal.Grains.Notifications.Tracking;

/// <summary>
/// The tracking links of one ticket, keyed "{tenantId}:{ticketId}": issues them and remembers their hashes, so the team
/// can revoke them all. The notification engine calls <see cref="IssueAsync"/> when it sends the on-my-way message.
/// </summary>
[Alias("op.ITicketTrackingLinksGrain")]
public interface ITicketTrackingLinksGrain : IGrainWithStringKey
{
    /// <summary>
    /// A new link for this ticket: the token is in the answer and nowhere else. Throws <see cref="NotFoundException"/> for
    /// an unknown ticket and <see cref="ConflictException"/> once the visit is over.
    /// </summary>
    Task<IssuedTrackingLink> IssueAsync();

    /// <summary>Revokes every link this ticket has; answers how many were still active.</summary>
    Task<int> RevokeAllAsync();
}

/// <summary>A link as issued: its token (shown once, never stored) and when it stops at the latest.</summary>
[GenerateSerializer, Immutable, Alias("op.IssuedTrackingLink")]
public sealed record IssuedTrackingLink(string Token, DateTimeOffset ExpiresAt);
