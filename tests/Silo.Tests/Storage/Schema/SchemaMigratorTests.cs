using OrleansPortal.Silo.Storage;
using OrleansPortal.Silo.Storage.Schema;
using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Storage.Schema;

/// <summary>The migration runner on each database kind, with the silo's own scripts plus test-only ones.</summary>
public abstract class SchemaMigratorTests
{
    private static readonly SchemaScript LogRun = new(1, "log", "CREATE TABLE test_log (entry TEXT NOT NULL); INSERT INTO test_log (entry) VALUES ('ran')");

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>The silo's scripts for this kind, by name, in order.</summary>
    protected abstract string[] OrleansScripts { get; }

    [Fact]
    public async Task ApplyingTwice_RunsEachScriptOnce_AndChangesNothing()
    {
        await using var database = await CreateDatabaseAsync();
        SchemaModule[] modules = [new("test", [LogRun])];

        await new SchemaMigrator(database.Silo, modules).ApplyAsync(CancellationToken.None);
        var before = await SnapshotAsync(database);
        await new SchemaMigrator(database.Silo, modules).ApplyAsync(CancellationToken.None);

        Assert.Equal(before, await SnapshotAsync(database));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM test_log"));
        Assert.Equal(OrleansScripts, await AppliedAsync(database, SchemaMigrator.OrleansModule));
    }

    [Fact]
    public async Task MigratorsRacingOnAnEmptyDatabase_AllSucceed_AndEachScriptRunsOnce()
    {
        await using var database = await CreateDatabaseAsync();
        var migrators = Enumerable.Range(0, 4).Select(_ => new SchemaMigrator(database.Silo, [new SchemaModule("test", [LogRun])])).ToList();

        await Task.WhenAll(migrators.Select(m => Task.Run(() => m.ApplyAsync(CancellationToken.None))));

        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM test_log"));
        Assert.Equal(OrleansScripts, await AppliedAsync(database, SchemaMigrator.OrleansModule));
        Assert.Equal(["log"], await AppliedAsync(database, "test"));
    }

    [Fact]
    public async Task NewScriptVersion_IsAppliedToADatabaseAtThePreviousVersion_KeepingItsData()
    {
        await using var database = await CreateDatabaseAsync();
        var v1 = new SchemaScript(1, "notes", "CREATE TABLE test_notes (body TEXT NOT NULL); INSERT INTO test_notes (body) VALUES ('from v1')");
        await new SchemaMigrator(database.Silo, [new SchemaModule("test", [v1])]).ApplyAsync(CancellationToken.None);
        await database.ExecuteAsync("INSERT INTO test_notes (body) VALUES ('from the app')");

        var v2 = new SchemaScript(2, "tags", "ALTER TABLE test_notes ADD COLUMN tag TEXT; UPDATE test_notes SET tag = 'tagged by v2'");
        await new SchemaMigrator(database.Silo, [new SchemaModule("test", [v1, v2])]).ApplyAsync(CancellationToken.None);

        var notes = await database.RowsAsync("SELECT body, tag FROM test_notes ORDER BY body");
        Assert.Equal([["from the app", "tagged by v2"], ["from v1", "tagged by v2"]], notes);
        Assert.Equal(["notes", "tags"], await AppliedAsync(database, "test"));
    }

    [Fact]
    public async Task FailingScript_IsNamedInOneLine_AndNothingOfThatRunIsKept()
    {
        await using var database = await CreateDatabaseAsync();
        var broken = new SchemaScript(2, "broken", "CREATE TABLE test_half (id INTEGER); SELECT * FROM test_no_such_table");

        var error = await Assert.ThrowsAsync<StorageConfigurationException>(
            () => new SchemaMigrator(database.Silo, [new SchemaModule("test", [LogRun, broken])]).ApplyAsync(CancellationToken.None));

        Assert.Contains("test/0002-broken", error.Message, StringComparison.Ordinal);
        Assert.Contains(database.Kind, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(await database.TableExistsAsync("test_half"));
        Assert.False(await database.TableExistsAsync("test_log"));
        Assert.False(await database.TableExistsAsync("orleansportal_schema_version"));
    }

    private static async Task<string[]> AppliedAsync(TestDatabase database, string module) =>
        [.. (await database.RowsAsync($"SELECT name FROM orleansportal_schema_version WHERE module = '{module}' ORDER BY version")).Select(r => r[0]!)];

    // Everything a rerun could change: the record of applied scripts (with their times) and the providers' queries.
    private static async Task<IReadOnlyList<string?[]>> SnapshotAsync(TestDatabase database) =>
    [
        .. await database.RowsAsync("SELECT module, CAST(version AS TEXT), name, CAST(applied_at AS TEXT) FROM orleansportal_schema_version ORDER BY module, version"),
        .. await database.RowsAsync("SELECT QueryKey, QueryText FROM OrleansQuery ORDER BY QueryKey"),
    ];
}

public sealed class PostgreSqlSchemaMigratorTests : SchemaMigratorTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgreSqlTestDatabase.CreateAsync();

    protected override string[] OrleansScripts => ["persistence", "reminders", "clustering", "write-update-first"];
}

public sealed class SqliteSchemaMigratorTests : SchemaMigratorTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    protected override string[] OrleansScripts => ["persistence", "reminders"];
}
