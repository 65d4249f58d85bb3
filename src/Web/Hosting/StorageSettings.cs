namespace OrleansPortal.Web.Hosting;

/// <summary>Where grain state and reminders live: section "Storage" (environment: Storage__Provider, Storage__ConnectionString).</summary>
public sealed class StorageSettings
{
    public const string SectionName = "Storage";

    /// <summary>"Sqlite" (the embedded default) or "PostgreSql".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>For SQLite, defaults to a file under ./data; for PostgreSQL, falls back to ConnectionStrings:PostgreSql.</summary>
    public string? ConnectionString { get; set; }
}
