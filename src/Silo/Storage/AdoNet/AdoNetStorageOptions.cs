using System.Text.Json;

namespace Orleans.Storage;

/// <summary>Settings of one ADO.NET store, shared by grain state and reminders.</summary>
public sealed class AdoNetStorageOptions
{
    /// <summary>One of <see cref="AdoNetInvariants"/>; SQLite is the embedded default.</summary>
    public string Invariant { get; set; } = AdoNetInvariants.Sqlite;

    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// How state payloads are written. Changing it on a store with data can make old payloads unreadable
    /// (for example switching property naming), so treat it as part of the stored format.
    /// </summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>Throws <see cref="StorageConfigurationException"/> naming <paramref name="storageName"/> when a setting cannot work.</summary>
    public void Validate(string storageName)
    {
        if (!AdoNetInvariants.All.Contains(Invariant, StringComparer.Ordinal))
        {
            throw new StorageConfigurationException(
                $"Storage '{storageName}': unknown invariant '{Invariant}'; use '{AdoNetInvariants.Sqlite}' or '{AdoNetInvariants.PostgreSql}'.");
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new StorageConfigurationException($"Storage '{storageName}': the connection string is missing.");
        }

        if (JsonSerializerOptions is null)
        {
            throw new StorageConfigurationException($"Storage '{storageName}': JsonSerializerOptions must not be null.");
        }
    }
}
