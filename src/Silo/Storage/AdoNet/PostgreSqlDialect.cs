using System.Data.Common;
using Npgsql;

namespace Orleans.Storage;

/// <summary>PostgreSQL through a pooled <see cref="NpgsqlDataSource"/> shared per connection string; the server arbitrates concurrent writers with row locks.</summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    private readonly NpgsqlDataSource dataSource;

    // The payload travels as text and is cast by the server, so the same parameter code serves both dialects.
    public PostgreSqlDialect(string storageName, string connectionString) : base(storageName, "CAST(@payload AS jsonb)")
    {
        var builder = AdoNetConnections.ParsePostgreSql($"Storage '{storageName}'", connectionString);
        Target = $"PostgreSQL at {builder.Host}:{builder.Port}";
        dataSource = AdoNetConnections.AcquirePostgreSql(builder);
    }

    public override string Target { get; }

    protected override string SchemaResourceName => "AdoNet.Sql.PostgreSql.sql";

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override ValueTask DisposeAsync() => AdoNetConnections.ReleasePostgreSqlAsync(dataSource);
}
