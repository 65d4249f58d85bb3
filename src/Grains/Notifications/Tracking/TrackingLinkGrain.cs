using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Notifications.Tracking;

[GenerateSerializer, Alias("op.TrackingLinkState")]
public sealed class TrackingLinkState
{
    [Id(0)]
    public TrackingLinkGrant? Grant { get; set; }

    [Id(1)]
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class TrackingLinkGrain([PersistentState("tracking-link")] IPersistentState<TrackingLinkState> state, DomainClock clock) : Grain, ITrackingLinkGrain
{
    public async Task IssueAsync(TrackingLinkGrant grant)
    {
        if (state.State.Grant is not null) throw new ConflictException("This tracking link was already issued.");
        state.State.Grant = grant;
        await state.WriteStateAsync();
    }

    public async Task<TrackingLinkGrant?> ResolveAsync()
    {
        if (state.State is not { Grant: { } grant, RevokedAt: null }) return null;
        TicketSnapshot ticket;
        try
        {
            ticket = await GrainFactory.GetGrain<ITicketGrain>(TenantKeys.For(grant.TenantId, grant.TicketId)).GetAsync();
        }
        catch (NotFoundException)
        {
            return null;
        }
        return TrackingLinkPolicy.Shows(grant, ticket, clock.GetUtcNow()) ? grant : null;
    }

    public async Task RevokeAsync()
    {
        if (state.State.Grant is null || state.State.RevokedAt is not null) return;
        state.State.RevokedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
    }
}
