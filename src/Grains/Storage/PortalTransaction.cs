using System.Data.Common;

namespace OrleansPortal.Grains.Storage;

/// <summary>Statements inside one <see cref="PortalDatabase.TransactAsync{T}"/>: same connection, same transaction.</summary>
internal sealed class PortalTransaction(PortalDatabase database, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
{
    public bool IsPostgreSql => database.IsPostgreSql;

    public async Task<int> ExecuteAsync(string sql, Action<SqlArguments> bind)
    {
        await using var command = database.Command(connection, sql, bind);
        command.Transaction = transaction;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Action<SqlArguments> bind, Func<DbDataReader, T> map)
    {
        await using var command = database.Command(connection, sql, bind);
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(map(reader));
        return rows;
    }
}
