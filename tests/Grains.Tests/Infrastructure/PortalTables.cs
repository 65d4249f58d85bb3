using OrleansPortal.Grains.Storage;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage.Schema;

namespace OrleansPortal.Grains.Tests.Infrastructure;

/// <summary>The app's own tables on a test class's database: the "portal" schema module applied as the silo applies it.</summary>
public static class PortalTables
{
    public static async Task<PortalDatabase> OpenAsync(HistoryDatabase database)
    {
        var options = database.CreateOptions();
        var silo = new SiloDatabase(options.Invariant, options.ConnectionString);
        await new SchemaMigrator(silo, [PortalStorageServiceCollectionExtensions.SchemaModuleFor(silo)]).ApplyAsync(CancellationToken.None);
        return new PortalDatabase(silo);
    }
}
