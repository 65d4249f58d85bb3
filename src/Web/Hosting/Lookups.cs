using OrleansPortal.Grains;

namespace OrleansPortal.Web.Hosting;

/// <summary>Reading a grain that may not exist where "none" is an answer, not an error: an id a request names, to check.</summary>
public static class Lookups
{
    /// <summary>What the read returns, or null when it throws <see cref="NotFoundException"/>.</summary>
    public static async Task<T?> OrNullAsync<T>(this Task<T> read) where T : class
    {
        try
        {
            return await read;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
