using Npgsql;

namespace OrleansPortal.Testing;

/// <summary>
/// A fresh PostgreSQL database with a random name on the server ./test.sh starts (ORLEANSPORTAL_TEST_POSTGRES),
/// dropped on dispose. Shared by every test project (linked in as source). Without the variable it fails, saying
/// how to get a server: a silently skipped database test would look like a passing one.
/// </summary>
public sealed class ThrowawayPostgresDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "ORLEANSPORTAL_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name;

    private ThrowawayPostgresDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgresDatabase> CreateAsync(string prefix)
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so the PostgreSQL tests cannot run. Run ./test.sh from the repository root: " +
                $"it starts a throwaway PostgreSQL cluster and sets {EnvironmentVariable} for the tests.");
        }

        var database = new ThrowawayPostgresDatabase(server, $"orleansportal_{prefix}_{Guid.NewGuid():N}");
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database._name}");
        return database;
    }

    /// <summary>Runs SQL in this database (to break or inspect it from a test).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // FORCE ends sessions still pooled by the code under test.
    public async ValueTask DisposeAsync() => await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
