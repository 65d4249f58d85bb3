using Npgsql;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>A fresh database on the throwaway server ./test.sh starts (ORLEANSPORTAL_TEST_POSTGRES), dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private string _server = "";
    private readonly string _name = "orleansportal_web_" + Guid.NewGuid().ToString("N");

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable("ORLEANSPORTAL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("ORLEANSPORTAL_TEST_POSTGRES is not set: run ./test.sh, which starts a throwaway PostgreSQL for the tests.");
        await ExecuteAsync($"CREATE DATABASE {_name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;
    }

    public Task DisposeAsync() => ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
