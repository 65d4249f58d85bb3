namespace OrleansPortal.Web.Notifications.Outbox;

/// <summary>
/// When a message that failed transiently is tried again: the first wait doubled per attempt, capped, with up to a
/// fifth of it added at random so messages that failed together (a provider outage) do not all return together.
/// </summary>
public static class RetryBackoff
{
    public static TimeSpan After(int attempts, TimeSpan first, TimeSpan max, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var doubled = first.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var wait = Math.Min(doubled, max.TotalSeconds);
        return TimeSpan.FromSeconds(wait * (1 + (random.NextDouble() / 5)));
    }
}
