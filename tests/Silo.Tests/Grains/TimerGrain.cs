using Orleans;

namespace OrleansPortal.Silo.Tests.Grains;

public interface ITimerGrain : IGrainWithGuidKey
{
    /// <summary>Starts a fast timer whose every tick takes longer than the period.</summary>
    Task StartAsync(TimeSpan period, TimeSpan tickDuration);

    Task<(int Ticks, int MaxOverlap)> StatsAsync();

    Task StopAsync();
}

public sealed class TimerGrain : Grain, ITimerGrain
{
    private IDisposable? _timer;
    private int _ticks;
    private int _inside;
    private int _maxOverlap;

    public Task StartAsync(TimeSpan period, TimeSpan tickDuration)
    {
        _timer = RegisterGrainTimer(async _ =>
        {
            var now = Interlocked.Increment(ref _inside);
            _maxOverlap = Math.Max(_maxOverlap, now);
            await Task.Delay(tickDuration);
            _ticks++;
            Interlocked.Decrement(ref _inside);
        }, TimeSpan.Zero, period);
        return Task.CompletedTask;
    }

    public Task<(int, int)> StatsAsync() => Task.FromResult((_ticks, _maxOverlap));

    public Task StopAsync()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }
}
