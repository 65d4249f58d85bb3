using Npgsql;
using Orleans.Storage;

namespace OrleansPortal.Silo.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database with a random name on the server named by <see cref="EnvironmentVariable"/>,
/// dropped at the end. Without that variable every test using the fixture fails, saying how to get a server:
/// a silently skipped database test would look like a passing one.
/// </summary>
public sealed class PostgresDatabaseFixture : StorageDatabaseFixture
{
    /// <summary>A connection string to a server where the user may CREATE DATABASE; ./test.sh sets it.</summary>
    public const string EnvironmentVariable = "ORLEANSPORTAL_TEST_POSTGRES";

    private string serverConnectionString = "";
    private string databaseName = "";

    public string ConnectionString { get; private set; } = "";

    public override AdoNetStorageOptions CreateOptions() =>
        new() { Invariant = AdoNetInvariants.PostgreSql, ConnectionString = ConnectionString };

    public override async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so the PostgreSQL tests cannot run. Run ./test.sh from the repository root: " +
                $"it starts a throwaway PostgreSQL cluster and sets {EnvironmentVariable} for the tests.");
        }

        serverConnectionString = new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString;
        databaseName = "orleansportal_test_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync($"CREATE DATABASE {databaseName}");
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        if (databaseName.Length == 0) return;
        // FORCE ends sessions still pooled by the code under test.
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
