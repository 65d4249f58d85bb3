using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Notifications.Tracking;

[GenerateSerializer, Alias("op.TicketTrackingLinksState")]
public sealed class TicketTrackingLinksState
{
    /// <summary>Hashes of the links not yet revoked.</summary>
    [Id(0)]
    public List<string> Active { get; set; } = [];
}

public sealed class TicketTrackingLinksGrain([PersistentState("ticket-tracking-links")] IPersistentState<TicketTrackingLinksState> state, DomainClock clock)
    : Grain, ITicketTrackingLinksGrain
{
    /// <summary>More links than a visit could need: past it, the oldest are revoked, so the list (and the state) stays small.</summary>
    public const int MaxActiveLinks = 20;

    public async Task<IssuedTrackingLink> IssueAsync()
    {
        var (tenantId, ticketId) = TenantKeys.Split(this.GetPrimaryKeyString());
        var ticket = await GrainFactory.GetGrain<ITicketGrain>(this.GetPrimaryKeyString()).GetAsync();
        if (!TrackingLinkPolicy.CanIssue(ticket)) throw new ConflictException("The visit is over: there is nothing left to track.");

        var now = clock.GetUtcNow();
        var (token, hash) = SecretToken.Create();
        var grant = new TrackingLinkGrant(tenantId, ticketId, now, now + TrackingLinkPolicy.MaxLifetime);
        // Recorded before the link exists: a link the ticket does not know of could never be revoked.
        state.State.Active.Add(hash);
        while (state.State.Active.Count > MaxActiveLinks)
        {
            await GrainFactory.GetGrain<ITrackingLinkGrain>(state.State.Active[0]).RevokeAsync();
            state.State.Active.RemoveAt(0);
        }
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ITrackingLinkGrain>(hash).IssueAsync(grant);
        return new IssuedTrackingLink(token, grant.ExpiresAt);
    }

    public async Task<int> RevokeAllAsync()
    {
        var active = state.State.Active.ToList();
        await Task.WhenAll(active.Select(hash => GrainFactory.GetGrain<ITrackingLinkGrain>(hash).RevokeAsync()));
        state.State.Active.Clear();
        await state.WriteStateAsync();
        return active.Count;
    }
}
