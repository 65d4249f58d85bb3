using Orleans;
using Orleans.Concurrency;

namespace OrleansPortal.Silo.Tests.Grains;

/// <summary>Measures how many turns of one activation ever ran at the same moment.</summary>
public interface ITurnProbeGrain : IGrainWithGuidKey
{
    /// <summary>Does some work with awaits in the middle; returns the highest overlap seen so far.</summary>
    Task<int> WorkAsync();

    [ReadOnly]
    Task<int> ReadAsync();

    Task<int> MaxOverlapAsync();
}

public sealed class TurnProbeGrain : Grain, ITurnProbeGrain
{
    private int _inside;
    private int _maxOverlap;

    public async Task<int> WorkAsync()
    {
        Enter();
        await Task.Delay(1);
        Leave();
        await Task.Yield();
        Enter();
        Leave();
        return _maxOverlap;
    }

    public async Task<int> ReadAsync()
    {
        Enter();
        await Task.Delay(5);
        Leave();
        return _maxOverlap;
    }

    public Task<int> MaxOverlapAsync() => Task.FromResult(_maxOverlap);

    // Interlocked on purpose: if the runtime broke turn rules, plain ++ could hide the overlap it should reveal.
    private void Enter()
    {
        var now = Interlocked.Increment(ref _inside);
        if (now > _maxOverlap) _maxOverlap = now;
    }

    private void Leave() => Interlocked.Decrement(ref _inside);
}

/// <summary>A reentrant grain: requests interleave at awaits but grain code never runs on two threads at once.</summary>
public interface IReentrantProbeGrain : IGrainWithGuidKey
{
    Task<(int MaxRequestsInFlight, int MaxThreadsInside)> WorkAsync();
}

[Reentrant]
public sealed class ReentrantProbeGrain : Grain, IReentrantProbeGrain
{
    private int _inFlight;
    private int _maxInFlight;
    private int _threadsInside;
    private int _maxThreadsInside;

    public async Task<(int, int)> WorkAsync()
    {
        _inFlight++;
        _maxInFlight = Math.Max(_maxInFlight, _inFlight);
        for (var i = 0; i < 3; i++)
        {
            var threads = Interlocked.Increment(ref _threadsInside);
            _maxThreadsInside = Math.Max(_maxThreadsInside, threads);
            Thread.SpinWait(200);
            Interlocked.Decrement(ref _threadsInside);
            await Task.Delay(1);
        }

        _inFlight--;
        return (_maxInFlight, _maxThreadsInside);
    }
}
