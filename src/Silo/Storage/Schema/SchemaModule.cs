using System.Reflection;
using OrleansPortal.Silo.Hosting;

namespace OrleansPortal.Silo.Storage.Schema;

/// <summary>
/// A named, separately versioned set of migrations for the database in use. The silo's own (Orleans' tables and
/// queries) is module "orleans"; another part of the app adds its tables by registering its module as a singleton
/// before the silo starts, and <see cref="SchemaMigrator"/> applies it after the silo's.
/// </summary>
public sealed record SchemaModule(string Name, IReadOnlyList<SchemaScript> Scripts)
{
    /// <summary>
    /// The scripts <paramref name="assembly"/> embeds for <paramref name="database"/>'s kind, named
    /// <c>Schema/PostgreSql/NNNN-name.sql</c> or <c>Schema/Sqlite/NNNN-name.sql</c> (NNNN is the version).
    /// </summary>
    public static SchemaModule FromEmbeddedScripts(string name, Assembly assembly, SiloDatabase database)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(database);
        var prefix = $"Schema/{DirectoryFor(database)}/";
        var scripts = assembly.GetManifestResourceNames()
            .Select(resource => (Resource: resource, Path: resource.Replace('\\', '/')))
            .Where(r => r.Path.StartsWith(prefix, StringComparison.Ordinal) && r.Path.EndsWith(".sql", StringComparison.Ordinal))
            .Select(r => Load(assembly, r.Resource, r.Path[prefix.Length..]))
            .OrderBy(s => s.Version)
            .ToList();

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Schema module '{name}' has two scripts numbered {duplicate.Key}.");
        return new SchemaModule(name, scripts);
    }

    private static string DirectoryFor(SiloDatabase database) =>
        database.IsPostgreSql ? "PostgreSql"
        : database.IsSqlite ? "Sqlite"
        : throw new StorageConfigurationException(
            $"Unknown database provider '{database.Invariant}': use {string.Join(" or ", AdoNetInvariants.All)}.");

    // "0002-reminders.sql" is version 2, named "reminders".
    private static SchemaScript Load(Assembly assembly, string resource, string fileName)
    {
        var dash = fileName.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(fileName.AsSpan(0, dash), out var version) || version <= 0)
            throw new InvalidOperationException($"Schema script '{resource}' is not named NNNN-name.sql.");

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new SchemaScript(version, fileName[(dash + 1)..^".sql".Length], reader.ReadToEnd());
    }
}
