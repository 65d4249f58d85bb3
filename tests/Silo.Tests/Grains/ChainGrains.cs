using Orleans;

namespace OrleansPortal.Silo.Tests.Grains;

/// <summary>A -> B -> A: A asks B, which calls back into A while A is still waiting for B.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task<string> StartAsync(string partner);

    Task<string> EchoAsync(string text);
}

public interface IPongGrain : IGrainWithStringKey
{
    Task<string> BounceAsync(string caller);
}

public sealed class PingGrain : Grain, IPingGrain
{
    public async Task<string> StartAsync(string partner)
    {
        await Task.Yield();
        return await GrainFactory.GetGrain<IPongGrain>(partner).BounceAsync(this.GetPrimaryKeyString());
    }

    public Task<string> EchoAsync(string text) => Task.FromResult($"{this.GetPrimaryKeyString()} heard {text}");
}

public sealed class PongGrain : Grain, IPongGrain
{
    public async Task<string> BounceAsync(string caller)
    {
        await Task.Delay(1);
        return await GrainFactory.GetGrain<IPingGrain>(caller).EchoAsync(this.GetPrimaryKeyString());
    }
}
