using Orleans.Placement;

namespace OrleansPortal.Silo.Tests.Grains;

// Local placement puts the activation on the calling client's own silo, so a test chooses where it lives.
[PreferLocalPlacement]
public sealed class SiloIdentityGrain : Grain, ISiloIdentityGrain
{
    public Task<string> WhereAsync() => Task.FromResult(RuntimeIdentity);
}
