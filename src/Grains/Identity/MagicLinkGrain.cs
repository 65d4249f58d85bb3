using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Identity;

[GenerateSerializer, Alias("op.MagicLinkState")]
public sealed class MagicLinkState
{
    [Id(0)]
    public MagicLinkGrant? Grant { get; set; }

    [Id(1)]
    public DateTimeOffset? RedeemedAt { get; set; }
}

public sealed class MagicLinkGrain([PersistentState("magic-link")] IPersistentState<MagicLinkState> state, DomainClock clock) : Grain, IMagicLinkGrain
{
    public async Task IssueAsync(MagicLinkGrant grant)
    {
        if (state.State.Grant is not null) throw new ConflictException("This magic link was already issued.");
        state.State.Grant = grant;
        await state.WriteStateAsync();
    }

    public async Task<MagicLinkGrant?> RedeemAsync()
    {
        var grant = state.State.Grant;
        if (grant is null || state.State.RedeemedAt is not null) return null;
        var now = clock.GetUtcNow();
        if (now >= grant.ExpiresAt) return null;
        // Burned before answering: if the write fails (a concurrent writer), the caller gets the exception, not a session.
        state.State.RedeemedAt = now;
        await state.WriteStateAsync();
        return grant;
    }
}
