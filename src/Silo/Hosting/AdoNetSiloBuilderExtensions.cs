using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Hosting;

/// <summary>ADO.NET storage and reminders (SQLite or PostgreSQL). Each creates its schema at start-up, before the silo takes calls.</summary>
public static class AdoNetSiloBuilderExtensions
{
    public static ISiloBuilder AddAdoNetGrainStorage(this ISiloBuilder builder, string name, Action<AdoNetStorageOptions> configure)
    {
        var options = new AdoNetStorageOptions();
        configure(options);
        options.Validate(name);
        var storage = new AdoNetGrainStorage(name, options);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (_, _) => storage); // a factory, so the host disposes it
        return builder.AddStartupTask($"schema of grain storage '{name}'", (_, ct) => storage.InitializeAsync(ct));
    }

    public static ISiloBuilder AddAdoNetGrainStorageAsDefault(this ISiloBuilder builder, Action<AdoNetStorageOptions> configure) =>
        builder.AddAdoNetGrainStorage(PersistentStateAttribute.DefaultStorageName, configure);

    /// <summary>Durable reminders in the reminder table of the given database.</summary>
    public static ISiloBuilder UseAdoNetReminderService(this ISiloBuilder builder, Action<AdoNetStorageOptions> configure)
    {
        var options = new AdoNetStorageOptions();
        configure(options);
        options.Validate("reminders");
        var table = new AdoNetReminderTable("reminders", options);
        builder.Services.Replace(ServiceDescriptor.Singleton<IReminderTable>(_ => table));
        return builder.AddStartupTask("schema of the reminder table", (_, ct) => table.InitializeAsync(ct));
    }
}
