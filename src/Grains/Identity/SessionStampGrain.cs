using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Identity;

[GenerateSerializer, Alias("op.SessionStampState")]
public sealed class SessionStampState
{
    [Id(0)]
    public string? Stamp { get; set; }
}

public sealed class SessionStampGrain([PersistentState("session-stamp")] IPersistentState<SessionStampState> state) : Grain, ISessionStampGrain
{
    public async Task<string> OpenAsync()
    {
        if (state.State.Stamp is { } current) return current;
        state.State.Stamp = TenantKeys.NewId();
        await state.WriteStateAsync();
        return state.State.Stamp;
    }

    public Task<string?> GetAsync() => Task.FromResult(state.State.Stamp);

    public async Task EndAllAsync()
    {
        if (state.State.Stamp is null) return;
        // Ended rather than rotated: the next sign-in makes a new one.
        state.State.Stamp = null;
        await state.WriteStateAsync();
    }
}
