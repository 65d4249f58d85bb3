namespace OrleansPortal.Benchmarks.GrainCalls;

[Alias("bench.IEchoGrain")]
public interface IEchoGrain : IGrainWithIntegerKey
{
    Task<int> EchoAsync(int value);
}

/// <summary>Keeps a little state so the call does real (if tiny) grain work: the sum of what it was sent.</summary>
public sealed class EchoGrain : Grain, IEchoGrain
{
    private long _sum;

    public Task<int> EchoAsync(int value)
    {
        _sum += value;
        return Task.FromResult(value);
    }
}
