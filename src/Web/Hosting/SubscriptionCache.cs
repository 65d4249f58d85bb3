using System.Collections.Concurrent;

namespace OrleansPortal.Web.Hosting;

/// <summary>
/// A feed's stream subscriptions, made once per key and shared by every caller. A subscription that failed is
/// forgotten, so the next caller tries again: one that met a node dying (its stream's rendezvous lived there) must not
/// stay failed for the rest of this node's life.
/// </summary>
public sealed class SubscriptionCache<TKey, THandle> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<THandle>>> _entries = new();

    public async Task<THandle> GetOrSubscribeAsync(TKey key, Func<TKey, Task<THandle>> subscribe)
    {
        var entry = _entries.GetOrAdd(key, k => new Lazy<Task<THandle>>(() => subscribe(k)));
        var subscription = entry.Value;
        await ((Task)subscription).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!subscription.IsCompletedSuccessfully) _entries.TryRemove(KeyValuePair.Create(key, entry));
        return await subscription; // its own result, or its own exception
    }

    /// <summary>The subscriptions made so far (waiting for those in progress); failed ones are skipped.</summary>
    public async Task<IReadOnlyList<THandle>> AllAsync()
    {
        var made = _entries.Values.Where(e => e.IsValueCreated).Select(e => e.Value).ToList();
        foreach (var subscription in made) await ((Task)subscription).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return [.. made.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result)];
    }
}
