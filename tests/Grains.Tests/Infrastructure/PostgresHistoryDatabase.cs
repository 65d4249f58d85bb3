using Npgsql;
using Orleans.Storage;
using OrleansPortal.Grains.Technicians.History;

namespace OrleansPortal.Grains.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database with a random name on the server named by <see cref="EnvironmentVariable"/>, dropped
/// at the end. Without that variable every test using it fails, saying how to get a server: a silently skipped
/// database test would look like a passing one.
/// </summary>
public sealed class PostgresHistoryDatabase : HistoryDatabase
{
    /// <summary>A connection string to a server where the user may CREATE DATABASE; ./test.sh sets it.</summary>
    public const string EnvironmentVariable = "ORLEANSPORTAL_TEST_POSTGRES";

    private string serverConnectionString = "";
    private string databaseName = "";
    private string connectionString = "";

    public override PingHistoryOptions CreateOptions() =>
        new() { Invariant = AdoNetInvariants.PostgreSql, ConnectionString = connectionString };

    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    public override PingHistoryOptions CreateUnreachableOptions() =>
        new() { Invariant = AdoNetInvariants.PostgreSql, ConnectionString = "Host=127.0.0.1;Port=1;Username=postgres;Timeout=5" };

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

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
        databaseName = "orleansportal_history_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync($"CREATE DATABASE {databaseName}");
        connectionString = new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ConnectionString;
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
