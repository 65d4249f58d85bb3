using Npgsql;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage;
using OrleansPortal.Silo.Storage.Schema;
using OrleansPortal.Silo.Tests.Infrastructure;
using OrleansPortal.Testing;

namespace OrleansPortal.Silo.Tests.Storage.Schema;

/// <summary>A database the silo cannot use is reported before anything starts, in one line an operator can act on.</summary>
public sealed class SchemaMigratorConnectionTests
{
    private const string Password = "s3cret-Pa55word";

    [Fact]
    public async Task PostgreSqlServerThatIsNotThere_IsReportedWithItsHostAndPort_AndNotThePassword()
    {
        var port = FreePort.Next();
        var database = new SiloDatabase(AdoNetInvariants.PostgreSql,
            $"Host=127.0.0.1;Port={port};Username=portal;Password={Password};Database=portal;Timeout=5");

        var error = await Assert.ThrowsAsync<StorageConfigurationException>(() => new SchemaMigrator(database).ApplyAsync(CancellationToken.None));

        AssertOneLine(error.Message, "PostgreSQL", $"127.0.0.1:{port}", "'portal'");
    }

    [Fact]
    public async Task PostgreSqlDatabaseThatDoesNotExist_IsReportedByName()
    {
        var server = Environment.GetEnvironmentVariable(ThrowawayPostgresDatabase.EnvironmentVariable)
            ?? throw new InvalidOperationException($"{ThrowawayPostgresDatabase.EnvironmentVariable} is not set: run ./test.sh.");
        var missing = $"orleansportal_missing_{Guid.NewGuid():N}";
        var database = new SiloDatabase(AdoNetInvariants.PostgreSql,
            new NpgsqlConnectionStringBuilder(server) { Database = missing, Password = Password }.ConnectionString);

        var error = await Assert.ThrowsAsync<StorageConfigurationException>(() => new SchemaMigrator(database).ApplyAsync(CancellationToken.None));

        AssertOneLine(error.Message, "PostgreSQL", missing);
    }

    [Fact]
    public async Task SqliteFileInADirectoryThatDoesNotExist_IsReportedWithItsPath()
    {
        var file = Path.Combine(Path.GetTempPath(), $"orleansportal-missing-{Guid.NewGuid():N}", "portal.db");
        var database = new SiloDatabase(AdoNetInvariants.Sqlite, $"Data Source={file}");

        var error = await Assert.ThrowsAsync<StorageConfigurationException>(() => new SchemaMigrator(database).ApplyAsync(CancellationToken.None));

        AssertOneLine(error.Message, "SQLite", file);
    }

    [Fact]
    public async Task SqliteFileThatIsNotADatabase_IsReportedWithItsPath()
    {
        await using var database = new SqliteTestDatabase();
        await File.WriteAllTextAsync(database.File, "this is a text file, not a SQLite database, and it is long enough to have a header");

        var error = await Assert.ThrowsAsync<StorageConfigurationException>(() => new SchemaMigrator(database.Silo).ApplyAsync(CancellationToken.None));

        AssertOneLine(error.Message, "SQLite", database.File);
    }

    [Fact]
    public async Task UnknownDatabaseProvider_IsReportedByName()
    {
        var database = new SiloDatabase("System.Data.SqlClient", "Server=x");

        var error = await Assert.ThrowsAsync<StorageConfigurationException>(() => new SchemaMigrator(database).ApplyAsync(CancellationToken.None));

        AssertOneLine(error.Message, "System.Data.SqlClient", AdoNetInvariants.PostgreSql, AdoNetInvariants.Sqlite);
    }

    private static void AssertOneLine(string message, params string[] mentions)
    {
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain(Password, message, StringComparison.Ordinal);
        foreach (var mention in mentions) Assert.Contains(mention, message, StringComparison.Ordinal);
    }
}
