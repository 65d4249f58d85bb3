namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>Waits for something asynchronous to become true; the limit only guards against hanging.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var limit = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > limit) throw new TimeoutException($"Gave up waiting until {what}.");
            await Task.Delay(50);
        }
    }
}
