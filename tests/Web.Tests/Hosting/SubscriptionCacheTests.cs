using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Tests.Hosting;

/// <summary>A feed's subscriptions: made once per key, and a failed one is tried again by the next caller (a node died under it).</summary>
public sealed class SubscriptionCacheTests
{
    [Fact]
    public async Task ConcurrentCallers_ShareOneSubscription()
    {
        var cache = new SubscriptionCache<string, int>();
        var made = 0;
        var gate = new TaskCompletionSource<int>();

        var first = cache.GetOrSubscribeAsync("tenant", _ => { Interlocked.Increment(ref made); return gate.Task; });
        var second = cache.GetOrSubscribeAsync("tenant", _ => { Interlocked.Increment(ref made); return gate.Task; });
        gate.SetResult(7);

        Assert.Equal(new[] { 7, 7 }, await Task.WhenAll(first, second));
        Assert.Equal(1, made);
        Assert.Equal(new[] { 7 }, await cache.AllAsync());
    }

    [Fact]
    public async Task AFailedSubscription_IsTriedAgainByTheNextCaller()
    {
        var cache = new SubscriptionCache<string, int>();
        var attempts = 0;
        Task<int> Subscribe(string key) => ++attempts == 1 ? Task.FromException<int>(new InvalidOperationException("the stream's silo is unreachable")) : Task.FromResult(attempts);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrSubscribeAsync("tenant", Subscribe));
        Assert.Empty(await cache.AllAsync());

        Assert.Equal(2, await cache.GetOrSubscribeAsync("tenant", Subscribe));
        Assert.Equal(2, await cache.GetOrSubscribeAsync("tenant", Subscribe)); // kept once it worked
        Assert.Equal(new[] { 2 }, await cache.AllAsync());
    }
}
