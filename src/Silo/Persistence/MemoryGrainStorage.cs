using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Orleans.Runtime;

namespace Orleans.Storage;

/// <summary>
/// Grain storage in process memory, with the same ETag rules as the database providers. State is kept as JSON so a
/// grain never shares objects with the store. Lost on restart: for tests and throwaway runs only.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(GrainId, string), (long Version, string Json)> _records = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_records.TryGetValue((grainId, stateName), out var record))
        {
            grainState.State = JsonSerializer.Deserialize<T>(record.Json)!;
            grainState.ETag = record.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (grainId, stateName);
        var json = JsonSerializer.Serialize(grainState.State);
        var expected = grainState.ETag is null ? 0 : long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var stored = _records.AddOrUpdate(
            key,
            _ => expected == 0 ? (1, json) : throw Stale(grainId, stateName, null, grainState.ETag),
            (_, old) => old.Version == expected ? (old.Version + 1, json) : throw Stale(grainId, stateName, old.Version, grainState.ETag));
        grainState.ETag = stored.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (grainId, stateName);
        if (_records.TryGetValue(key, out var old))
        {
            if (grainState.ETag is null || old.Version != long.Parse(grainState.ETag, CultureInfo.InvariantCulture) || !_records.TryRemove(KeyValuePair.Create(key, old)))
                throw Stale(grainId, stateName, old.Version, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static InconsistentStateException Stale(GrainId grainId, string stateName, long? stored, string? current) =>
        new($"State '{stateName}' of {grainId} was changed by another writer (stored version {stored?.ToString(CultureInfo.InvariantCulture) ?? "none"}, ours {current ?? "none"}).",
            stored?.ToString(CultureInfo.InvariantCulture), current);
}
