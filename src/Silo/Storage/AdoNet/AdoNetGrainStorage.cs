using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Orleans.Runtime;

namespace Orleans.Storage;

/// <summary>
/// Grain state in a SQL table, one row per (grain type, grain key, state name), payload as JSON.
/// Concurrency: the ETag is the row's version number, and every write or clear is one statement conditional on
/// it, so the database picks the single winner of a race; losers get <see cref="InconsistentStateException"/>
/// and the row is untouched. The instance holds no per-grain data and may be shared by all activations.
/// </summary>
public sealed class AdoNetGrainStorage : IGrainStorage, IAsyncDisposable
{
    private readonly string name;
    private readonly SqlDialect dialect;
    private readonly JsonSerializerOptions jsonOptions;

    public AdoNetGrainStorage(string name, AdoNetStorageOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        this.name = name;
        dialect = SqlDialect.Create(name, options);
        jsonOptions = options.JsonSerializerOptions;
    }

    /// <summary>Creates the tables if needed; throws <see cref="StorageConfigurationException"/> when the database cannot be reached.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => dialect.EnsureSchemaAsync(cancellationToken);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var row = await dialect.RunAsync<StoredRow?>(write: false, async connection =>
        {
            await using var command = KeyCommand(connection, dialect.ReadState, stateName, grainId);
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? new StoredRow(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
        }, CancellationToken.None);

        if (row is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        // A tombstone: nothing stored, but the version still guards against writers from before the clear.
        grainState.ETag = FormatVersion(row.Version);
        grainState.RecordExists = row.Payload is not null;
        if (row.Payload is not null) grainState.State = Deserialize<T>(row.Payload, stateName, grainId);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = JsonSerializer.Serialize(grainState.State, jsonOptions);
        var held = grainState.ETag is null ? (long?)null : ParseVersion(grainState.ETag, stateName, grainId);
        var now = DateTimeOffset.UtcNow;

        var (written, version) = await dialect.RunAsync<(bool, long?)>(write: true, async connection =>
        {
            var sql = held is null ? dialect.InsertState : dialect.UpdateState;
            await using var command = KeyCommand(connection, sql, stateName, grainId)
                .With("@payload", payload).With("@now", now);
            if (held is not null) command.With("@version", held.Value);
            if (await command.ExecuteNonQueryAsync() == 1) return (true, held.GetValueOrDefault() + 1);
            return (false, await StoredVersionAsync(connection, stateName, grainId));
        }, CancellationToken.None);

        // On a conflict, version is the one found in the store (null when the record is gone).
        if (!written) throw Conflict(stateName, grainId, version, grainState.ETag);
        grainState.ETag = FormatVersion(version!.Value);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var held = grainState.ETag is null ? (long?)null : ParseVersion(grainState.ETag, stateName, grainId);

        var (cleared, stored) = await dialect.RunAsync<(bool, long?)>(write: true, async connection =>
        {
            // A null ETag means "I know of no record": clearing is a no-op unless someone else created one.
            if (held is null)
            {
                var existing = await StoredVersionAsync(connection, stateName, grainId);
                return (existing is null, existing);
            }

            await using var command = KeyCommand(connection, dialect.ClearState, stateName, grainId)
                .With("@version", held.Value).With("@now", DateTimeOffset.UtcNow);
            if (await command.ExecuteNonQueryAsync() == 1) return (true, held.Value + 1);
            return (false, await StoredVersionAsync(connection, stateName, grainId));
        }, CancellationToken.None);

        if (!cleared) throw Conflict(stateName, grainId, stored, grainState.ETag);
        grainState.ETag = stored is null ? null : FormatVersion(stored.Value);
        grainState.RecordExists = false;
    }

    public ValueTask DisposeAsync() => dialect.DisposeAsync();

    private async Task<long?> StoredVersionAsync(DbConnection connection, string stateName, GrainId grainId)
    {
        await using var command = KeyCommand(connection, dialect.ReadStateVersion, stateName, grainId);
        return await command.ScalarInt64Async(CancellationToken.None);
    }

    private static DbCommand KeyCommand(DbConnection connection, string sql, string stateName, GrainId grainId) =>
        connection.CreateCommand(sql).With("@type", grainId.Type).With("@key", grainId.Key).With("@name", stateName);

    private T Deserialize<T>(string payload, string stateName, GrainId grainId)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(payload, jsonOptions)!;
        }
        catch (JsonException ex)
        {
            throw new StateDeserializationException(
                $"Storage '{name}': state '{stateName}' of grain {grainId} cannot be read as {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    private InconsistentStateException Conflict(string stateName, GrainId grainId, long? stored, string? held)
    {
        var storedEtag = stored is null ? null : FormatVersion(stored.Value);
        return new InconsistentStateException(
            $"Storage '{name}': state '{stateName}' of grain {grainId} was changed by another writer " +
            $"(stored version {storedEtag ?? "none"}, this writer held {held ?? "none"}).",
            storedEtag, held);
    }

    private long ParseVersion(string etag, string stateName, GrainId grainId) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException(
                $"Storage '{name}': state '{stateName}' of grain {grainId} was given ETag '{etag}', which this storage never issues.",
                null, etag);

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record StoredRow(long Version, string? Payload);
}
