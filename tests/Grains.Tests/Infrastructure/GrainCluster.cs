using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Technicians.History;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage;
using OrleansPortal.Silo.Storage.Schema;
using OrleansPortal.Testing;

namespace OrleansPortal.Grains.Tests.Infrastructure;

/// <summary>
/// A real Orleans cluster in process (Orleans.TestingHost): two silos, so calls and stream events cross silos as in
/// production, memory storage and reminders, memory streams (the client too, to watch them), the grains' services,
/// the ping history and the app's own tables (the roster) on one SQLite file, and business time that tests move
/// through <see cref="Time"/>. Shared by a test class; each test uses fresh keys.
/// </summary>
public sealed class GrainCluster : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orleansportal-grains-" + Guid.NewGuid().ToString("N"));

    /// <summary>How long a grain call may take before the caller gets a TimeoutException.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    public ManualTimeProvider Time { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var history = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "history.db") }.ToString();
        var database = new SiloDatabase(AdoNetInvariants.Sqlite, history);
        await new SchemaMigrator(database, [PortalStorageServiceCollectionExtensions.SchemaModuleFor(database)]).ApplyAsync(CancellationToken.None);
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureClient(client =>
        {
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
            client.AddMemoryStreams(PortalSiloBuilderExtensions.StreamProvider); // tests subscribe to what grains publish
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            // Stored with Orleans' serializer, as production stores state (the memory provider's default is JSON).
            silo.Services.AddOptions<MemoryGrainStorageOptions>("Default")
                .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
            StorageFaults.InjectInto(silo.Services, "Default"); // tests make writes fail on demand
            silo.DiscardStateWhenAWriteFails();
            silo.AddMemoryGrainStorage(PortalSiloBuilderExtensions.PubSubStore);
            silo.UseInMemoryReminderService();
            silo.AddMemoryStreams(PortalSiloBuilderExtensions.StreamProvider);
            silo.Services.AddSingleton(new DomainClock(Time));
            // Alerts are checked every 200 ms rather than every 30 s, so a test sees the check that follows a move of the clock.
            silo.Services.AddSingleton(new DispatchOptions { AlertCheckInterval = TimeSpan.FromMilliseconds(200) });
            silo.AddIncomingGrainCallFilter<IncomingCallGateFilter>();
            silo.AddOutgoingGrainCallFilter<OutgoingCallGateFilter>();
            // A deadlock fails its test in seconds rather than after Orleans' default half minute.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
            silo.Services.AddLocationPublishing();
            silo.Services.AddPingHistory(o =>
            {
                o.Invariant = AdoNetInvariants.Sqlite;
                o.ConnectionString = history;
            });
            StorageFaults.InjectIntoPingHistory(silo.Services); // and stores of pings
            silo.Services.AddPortalTables(database);
            silo.Services.AddVisitNotifications(); // the visit grains listen to every ticket's changes and ETAs
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>
    /// Gone, as after an idle period (Orleans' activation collection): the grain's next call activates it again, reading
    /// its state from storage.
    /// </summary>
    public async Task DeactivateAsync(GrainId grain)
    {
        var management = Client.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; (await management.GetActiveGrains(grain.Type)).Contains(grain); attempt++)
        {
            Assert.True(attempt < 100, $"{grain} was never deactivated");
            await Task.Delay(100); // idle for that long, as Orleans' collection counts it
            await management.ForceActivationCollection(TimeSpan.FromMilliseconds(100));
        }
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
