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

    public override string ToString() => Invariant; // never the connection string: it may hold a password
}
