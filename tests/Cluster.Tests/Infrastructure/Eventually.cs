namespace OrleansPortal.Cluster.Tests.Infrastructure;

/// <summary>Waits for something asynchronous to become true; the limit only guards against hanging, it is never the assertion.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 30, Func<string>? context = null)
    {
        var limit = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > limit) throw new TimeoutException($"Gave up waiting until {what}.{(context is null ? "" : "\n" + context())}");
            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, int seconds = 30, Func<string>? context = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, seconds, context);
}
