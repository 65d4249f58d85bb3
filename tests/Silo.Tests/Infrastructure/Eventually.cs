namespace OrleansPortal.Silo.Tests.Infrastructure;

/// <summary>Waits for something asynchronous to become true; the limit is generous and only guards against hanging.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var limit = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > limit) throw new TimeoutException($"Gave up waiting until {what}.");
            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, int seconds = 60) =>
        TrueAsync(() => Task.FromResult(condition()), what, seconds);
}
