using System.Collections.Concurrent;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Support.Widget;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Support.Widget;

/// <summary>
/// Whether a request's <c>Origin</c> may use a company's widget, read from the company's settings grain and kept for
/// <see cref="CacheFor"/> per node (every widget call and preflight asks). A save on this node takes effect at once;
/// other nodes of a cluster follow within <see cref="CacheFor"/>.
/// </summary>
public sealed class WidgetOriginPolicy(IClusterClient grains, DomainClock clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>Entries kept at most; past it the cache starts over (only companies' names reach here, and they are few).</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (IReadOnlyList<string> Origins, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The request origin in its written form when <paramref name="tenantId"/> allows it; null otherwise.</summary>
    public async Task<string?> AllowedAsync(string? tenantId, string? origin)
    {
        if (!TenantName.IsValid(tenantId) || WidgetOrigins.Normalize(origin) is not { } normalized) return null;
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(tenantId, out var entry) || entry.Until <= now)
        {
            entry = (await grains.GetGrain<IWidgetSettingsGrain>(tenantId).GetOriginsAsync(), now + CacheFor);
            if (_cache.Count >= MaxEntries) _cache.Clear();
            _cache[tenantId] = entry;
        }

        return entry.Origins.Contains(normalized, StringComparer.Ordinal) ? normalized : null;
    }

    /// <summary>Forgets what this node knew of the company's origins (called after a save).</summary>
    public void Forget(string tenantId) => _cache.TryRemove(tenantId, out _);
}
