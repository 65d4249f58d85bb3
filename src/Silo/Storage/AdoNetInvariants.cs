namespace OrleansPortal.Silo.Storage;

/// <summary>The ADO.NET provider names a storage accepts; they are Orleans' invariant names, so configuration carries over.</summary>
public static class AdoNetInvariants
{
    /// <summary>SQLite through Microsoft.Data.Sqlite: the embedded default, one file, one writer at a time.</summary>
    public const string Sqlite = "Microsoft.Data.Sqlite";

    /// <summary>PostgreSQL through Npgsql: for production and for more than one silo.</summary>
    public const string PostgreSql = "Npgsql";

    public static IReadOnlyList<string> All { get; } = [Sqlite, PostgreSql];
}
