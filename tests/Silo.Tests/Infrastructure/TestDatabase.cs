using System.Data.Common;
using System.Globalization;
using OrleansPortal.Silo.Hosting;

namespace OrleansPortal.Silo.Tests.Infrastructure;

/// <summary>An empty database of one kind, made for one test and deleted after it, that the test can also query directly.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>What the silo (or a migrator) is given.</summary>
    public abstract SiloDatabase Silo { get; }

    /// <summary>A short name for messages: the database kind.</summary>
    public abstract string Kind { get; }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row, as a number.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every row, each column as text (NULL as null), in the order the query gives.</summary>
    public async Task<IReadOnlyList<string?[]>> RowsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))
                .ToArray());
        }

        return rows;
    }

    public abstract Task<bool> TableExistsAsync(string name);

    public abstract ValueTask DisposeAsync();

    /// <summary>A new connection to this database, not yet open.</summary>
    protected abstract DbConnection CreateConnection();

    private async Task<DbConnection> OpenAsync()
    {
        var connection = CreateConnection();
        await connection.OpenAsync();
        return connection;
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
