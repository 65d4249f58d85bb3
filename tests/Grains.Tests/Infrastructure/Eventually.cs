namespace OrleansPortal.Grains.Tests.Infrastructure;

/// <summary>Waits for something asynchronous to become true; the limit is generous and only guards against hanging.</summary>
public static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, string what, int seconds = 30) =>
        TrueAsync(() => Task.FromResult(condition()), what, seconds);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var limit = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > limit) throw new TimeoutException($"Gave up waiting until {what}.");
            await Task.Delay(10);
        }
    }
}
