namespace OrleansPortal.Testing;

/// <summary>
/// Business time that moves only when a test moves it, for a <c>DomainClock</c>. Never give it to Orleans or the host
/// as their <see cref="TimeProvider"/>: their timers, leases and membership need real time, and would stall on this one.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero); // a Monday

    private long _utcTicks = DefaultStart.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}
