using OrleansPortal.Silo.Storage;

namespace OrleansPortal.Silo.Hosting;

/// <summary>
/// The one database of a cluster: grain state, reminders and (on PostgreSQL) membership all live in it, each through
/// Orleans' own ADO.NET provider. <paramref name="Invariant"/> is an <see cref="AdoNetInvariants"/> name.
/// </summary>
public sealed record SiloDatabase(string Invariant, string ConnectionString)
{
    public bool IsPostgreSql => Invariant == AdoNetInvariants.PostgreSql;

    public bool IsSqlite => Invariant == AdoNetInvariants.Sqlite;

    /// <summary>
    /// The name Orleans' ADO.NET providers know this provider by. Orleans 10.4.2 has no entry for
    /// "Microsoft.Data.Sqlite" (its provider map throws KeyNotFoundException); it knows SQLite as "System.Data.SQLite",
    /// which it loads from Microsoft.Data.Sqlite all the same.
    /// </summary>
    internal string OrleansInvariant => IsSqlite ? "System.Data.SQLite" : Invariant;

    /// <summary>
    /// The connection string Orleans' providers open their own connections with. On PostgreSQL a connection going back to
    /// their pool is not reset (<c>No Reset On Close</c>): they keep no session state on it, and the reset is seven
    /// statements sent ahead of every next use (one per state read or write), as our own pool does
    /// (<see cref="SharedPostgreSqlDataSources"/>).
    /// </summary>
    internal string OrleansConnectionString => IsPostgreSql
        ? new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { NoResetOnClose = true }.ConnectionString
        : ConnectionString;

    public override string ToString() => Invariant; // never the connection string: it may hold a password
}
