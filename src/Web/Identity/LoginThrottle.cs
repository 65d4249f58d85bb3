using System.Threading.RateLimiting;

namespace OrleansPortal.Web.Identity;

/// <summary>
/// Password guessing is limited by failed attempts only, so dispatchers who sign in correctly (many behind one office
/// address) never use up the allowance: at most <see cref="FailuresPerAddress"/> wrong passwords a minute from one
/// client address, and <see cref="FailuresPerEmail"/> per quarter hour against one email from anywhere (guessing
/// spread over many addresses). While either is used up, every attempt, right or wrong, is refused with 429 unchecked.
/// Counted per node: a cluster of n nodes allows at most n times as many.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    public const int FailuresPerAddress = 10;
    public const int FailuresPerEmail = 10;

    private readonly PartitionedRateLimiter<string> _byAddress = Failures(FailuresPerAddress, TimeSpan.FromMinutes(1));
    private readonly PartitionedRateLimiter<string> _byEmail = Failures(FailuresPerEmail, TimeSpan.FromMinutes(15));

    /// <summary>
    /// Null when an attempt may be checked; otherwise how long to wait before the next one. <paramref name="email"/> is
    /// normalised, or null when it is not an address at all (then only the client address counts).
    /// </summary>
    public TimeSpan? Refusal(string clientAddress, string? email)
    {
        TimeSpan? wait = null;
        foreach (var (limiter, key) in Partitions(clientAddress, email))
        {
            // Zero permits asks whether any are left without taking one.
            using var lease = limiter.AttemptAcquire(key, 0);
            if (lease.IsAcquired) continue;
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
            wait = wait > retryAfter ? wait : retryAfter;
        }

        return wait;
    }

    public void RecordFailure(string clientAddress, string? email)
    {
        foreach (var (limiter, key) in Partitions(clientAddress, email)) limiter.AttemptAcquire(key).Dispose();
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byEmail.Dispose();
    }

    private IEnumerable<(PartitionedRateLimiter<string> Limiter, string Key)> Partitions(string clientAddress, string? email)
    {
        yield return (_byAddress, clientAddress);
        if (email is not null) yield return (_byEmail, email);
    }

    private static PartitionedRateLimiter<string> Failures(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
}
