using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansPortal.Silo.Persistence;
using OrleansPortal.Silo.Storage;
using OrleansPortal.Silo.Storage.Schema;

namespace OrleansPortal.Silo.Hosting;

/// <summary>How every OrleansPortal silo is configured: one call, so the app, the tests and the benchmarks run the same silo.</summary>
public static class PortalSiloBuilderExtensions
{
    /// <summary>The grain storage every <c>[PersistentState]</c> without a storage name uses.</summary>
    public const string DefaultStorage = ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME;

    /// <summary>Where explicit stream subscriptions are kept, so they survive the silo that made them.</summary>
    public const string PubSubStore = ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME;

    /// <summary>The stream provider every feature publishes on.</summary>
    public const string StreamProvider = "StreamProvider";

    /// <summary>
    /// Clustering, grain storage, reminders and streams on <paramref name="database"/>: on PostgreSQL a real cluster
    /// (ADO.NET membership, so every node sharing the database joins), on SQLite one silo with localhost clustering.
    /// The schema is applied at start, before any provider reads it.
    /// </summary>
    /// <summary>
    /// Every grain's persistent state goes through <see cref="WriteOrDiscardStateFactory"/>: a change whose write failed
    /// is never seen or stored afterwards. Part of <see cref="UseOrleansPortalCluster"/>; test silos with other storage call it too.
    /// </summary>
    public static ISiloBuilder DiscardStateWhenAWriteFails(this ISiloBuilder silo)
    {
        // Added after Orleans' own registration, so this one is resolved; Orleans' factory does the real work inside it.
        silo.Services.AddSingleton<PersistentStateFactory>();
        silo.Services.AddSingleton<IPersistentStateFactory, WriteOrDiscardStateFactory>();
        return silo;
    }

    public static ISiloBuilder UseOrleansPortalCluster(this ISiloBuilder silo, SiloDatabase database, ClusterSettings cluster)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(cluster);

        silo.Services.AddSingleton(database);
        silo.Services.AddSingleton<SchemaMigrator>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SchemaMigrator>());
        silo.DiscardStateWhenAWriteFails();

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        var address = AdvertisedAddress(database, cluster);
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = address;
            o.SiloPort = cluster.SiloPort;
            o.GatewayPort = cluster.GatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(database.IsPostgreSql ? IPAddress.Any : IPAddress.Loopback, cluster.SiloPort);
            o.GatewayListeningEndpoint = cluster.GatewayPort == 0 ? null : new IPEndPoint(IPAddress.Any, cluster.GatewayPort);
        });

        if (database.IsPostgreSql)
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = database.OrleansInvariant;
                o.ConnectionString = database.OrleansConnectionString;
            });
            silo.Configure<ClusterMembershipOptions>(ConfigureFailureDetection);
        }
        else
        {
            silo.UseDevelopmentClustering(new IPEndPoint(address, cluster.SiloPort));
        }

        silo.AddAdoNetGrainStorage(DefaultStorage, options => ConfigureStorage(options, database));
        silo.AddAdoNetGrainStorage(PubSubStore, options => ConfigureStorage(options, database));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = database.OrleansInvariant;
            o.ConnectionString = database.OrleansConnectionString;
        });
        silo.AddMemoryStreams(StreamProvider, ConfigureStreams);
        return silo;
    }

    /// <summary>
    /// Memory streams carry live data here (positions, board changes, chat), never rewound and never of record. Orleans'
    /// defaults suit rewindable history instead: every event stays cached at least 5 minutes, in 1 MB blocks from
    /// the large-object heap, so at thousands of positions a second the cache grows by hundreds of megabytes and each
    /// new block costs a full collection. Ten seconds is ample for a subscriber to be served. Queues are polled every
    /// 20 ms rather than 100: an event waits less, for a few hundred small calls a second when idle. A subscriber is
    /// handed up to 32 waiting events per delivery call rather than one: each call is a round trip through both
    /// schedulers, so under load one event per call lets a busy stream fall behind, while a batch catches up at once
    /// (the subscriber still sees the events one by one, in order; a delivery that fails is retried whole).
    /// </summary>
    private static void ConfigureStreams(ISiloMemoryStreamConfigurator streams)
    {
        streams.ConfigureCacheEviction(o => o.Configure(eviction =>
        {
            eviction.DataMinTimeInCache = TimeSpan.FromSeconds(10);
            eviction.DataMaxAgeInCache = TimeSpan.FromSeconds(10);
        }));
        streams.ConfigurePullingAgent(o => o.Configure(agent =>
        {
            agent.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(20);
            agent.BatchContainerBatchSize = 32;
        }));
    }

    // State is written with Orleans' own serializer: the [GenerateSerializer]/[Id] contracts that make calls version
    // tolerant make stored state version tolerant too (a field added later reads as its default).
    private static void ConfigureStorage(OptionsBuilder<AdoNetGrainStorageOptions> options, SiloDatabase database) =>
        options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = database.OrleansInvariant;
            o.ConnectionString = database.OrleansConnectionString;
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        });

    /// <summary>
    /// A silo killed without warning is declared dead after about three missed probes of two seconds, so its grains
    /// come back on the survivors well inside half a minute.
    /// </summary>
    private static void ConfigureFailureDetection(ClusterMembershipOptions o)
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(2);
        o.NumMissedProbesLimit = 3;
        o.NumVotesForDeathDeclaration = 1;
        o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }

    private static IPAddress AdvertisedAddress(SiloDatabase database, ClusterSettings cluster)
    {
        if (cluster.AdvertisedAddress is { Length: > 0 } configured)
        {
            return IPAddress.TryParse(configured, out var parsed)
                ? parsed
                : throw new StorageConfigurationException($"Cluster:AdvertisedAddress '{configured}' is not an IP address.");
        }

        if (!database.IsPostgreSql) return IPAddress.Loopback;
        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? IPAddress.Loopback;
    }
}
