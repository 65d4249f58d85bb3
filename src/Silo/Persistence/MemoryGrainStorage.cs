using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Orleans.Runtime;

namespace Orleans.Storage;

/// <summary>
/// Grain storage in process memory, with the same ETag rules as the database providers (including tombstones on
/// clear). State is kept as JSON so a grain never shares objects with the store. Lost on restart: for tests only.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(GrainId, string), (long Version, string? Json)> _records = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var found = _records.TryGetValue((grainId, stateName), out var record);
        grainState.ETag = found ? Format(record.Version) : null;
        grainState.RecordExists = found && record.Json is not null;
        if (grainState.RecordExists) grainState.State = JsonSerializer.Deserialize<T>(record.Json!)!;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = Swap(grainId, stateName, grainState.ETag, JsonSerializer.Serialize(grainState.State));
        grainState.ETag = Format(stored);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is null && !_records.ContainsKey((grainId, stateName))) return Task.CompletedTask;
        grainState.ETag = Format(Swap(grainId, stateName, grainState.ETag, json: null));
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Replaces the record if its version is the one held (0 for none); returns the new version.</summary>
    private long Swap(GrainId grainId, string stateName, string? etag, string? json)
    {
        var expected = etag is null ? 0 : long.Parse(etag, CultureInfo.InvariantCulture);
        var record = _records.AddOrUpdate(
            (grainId, stateName),
            _ => expected == 0 ? (1, json) : throw Stale(grainId, stateName, null, etag),
            (_, old) => old.Version == expected ? (old.Version + 1, json) : throw Stale(grainId, stateName, old.Version, etag));
        return record.Version;
    }

    private static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static InconsistentStateException Stale(GrainId grainId, string stateName, long? stored, string? current) =>
        new($"State '{stateName}' of {grainId} was changed by another writer (stored version {(stored is null ? "none" : Format(stored.Value))}, ours {current ?? "none"}).",
            stored is null ? null : Format(stored.Value), current);
}
