namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>
/// The system clock plus an offset the test moves forward. Real time keeps flowing (the silo's timers and the HTTP stack
/// keep working); only "now" jumps, which is what expiry checks read.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
