using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansPortal.Grains.Geocoding;

namespace OrleansPortal.Web.Geocoding;

/// <summary>
/// The geocoder's index of <c>extract</c>, the road graph's file, built in the background once per process and file
/// (under a second for Porto) and shared by every host in the process that names it. No extract, or one that cannot
/// be read, means no geocoder: answers say so, and addresses are typed with a position picked on the map.
/// </summary>
public sealed partial class AddressIndexLoader(string? extract, ILogger<AddressIndexLoader> log)
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<AddressIndex?>>> Indexes = new();

    /// <summary>Whether an extract is configured at all (it may still be loading, or turn out unreadable).</summary>
    public bool IsConfigured => extract is not null;

    /// <summary>The index, once built; null when there is no extract or it cannot be read. Starts the build on first use.</summary>
    public Task<AddressIndex?> LoadAsync() =>
        extract is null ? Task.FromResult<AddressIndex?>(null) : Indexes.GetOrAdd(extract, path => new Lazy<Task<AddressIndex?>>(() => Task.Run(() => Build(path)))).Value;

    private AddressIndex? Build(string path)
    {
        try
        {
            var watch = Stopwatch.StartNew();
            var index = AddressIndex.Build(OsmAddressReader.Read(path));
            LogReady(path, index.StreetCount, index.HouseCount, watch.ElapsedMilliseconds);
            return index;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            LogUnreadable(ex, path);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Address index from {Extract}: {Streets} streets, {Houses} numbered addresses, ready in {Ms} ms.")]
    private partial void LogReady(string extract, int streets, int houses, long ms);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the extract {Extract} for the address index; the geocoder is unavailable.")]
    private partial void LogUnreadable(Exception exception, string extract);
}
