using System.Threading.RateLimiting;

namespace OrleansPortal.Web.Support.Widget;

/// <summary>
/// Contact forms taken from one client address: at most <see cref="FormsPerAddress"/> per <see cref="Window"/>. Each
/// may open a case, make a customer and send an acknowledgement by email, so the allowance is small; only forms that
/// would be taken count (a refused one opens nothing). Counted per node, as <see cref="Identity.LoginThrottle"/> is.
/// </summary>
public sealed class WidgetContactThrottle : IDisposable
{
    public const int FormsPerAddress = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly PartitionedRateLimiter<string> _byAddress = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = FormsPerAddress, Window = Window, QueueLimit = 0 }));

    /// <summary>Takes one form's permit: null when it may go ahead, otherwise how long to wait.</summary>
    public TimeSpan? Refusal(HttpContext http)
    {
        using var lease = _byAddress.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;
    }

    public void Dispose() => _byAddress.Dispose();
}
