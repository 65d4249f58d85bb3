namespace OrleansPortal.Grains;

/// <summary>
/// "Now" for the product's rules: expiry, arrival windows, lateness, which day it is. It is kept apart from the
/// <see cref="TimeProvider"/> that Orleans and ASP.NET Core run their own timers, membership and leases on, so a test
/// can move business time forward without stalling the cluster.
/// </summary>
public sealed class DomainClock(TimeProvider time)
{
    public static DomainClock System { get; } = new(TimeProvider.System);

    public DateTimeOffset GetUtcNow() => time.GetUtcNow();
}
