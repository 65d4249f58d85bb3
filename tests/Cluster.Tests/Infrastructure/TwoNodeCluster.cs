using OrleansPortal.Testing.Workload;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Core.Internal;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using OrleansPortal.Testing;

namespace OrleansPortal.Cluster.Tests.Infrastructure;

/// <summary>
/// Two app processes (nodes A and B) on one throwaway PostgreSQL database, forming one Orleans cluster, plus an
/// external Orleans client through their gateways: the tests' window on the cluster (which node hosts a grain, which
/// silos are alive) and their way to issue a magic link as the mail would. Nothing in the app is there for tests.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    public const string AdminKey = "cluster-test-admin-key-0123456789";
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orleansportal-cluster-" + Guid.NewGuid().ToString("N"));
    private ThrowawayPostgresDatabase? _database;
    private IHost? _client;

    public AppNode A { get; private set; } = null!;

    public AppNode B { get; private set; } = null!;

    public IReadOnlyList<AppNode> Nodes => [A, B];

    public string ConnectionString => _database!.ConnectionString;

    /// <summary>The cluster as an external Orleans client sees it (through whichever gateway is alive).</summary>
    public IClusterClient Orleans => _client!.Services.GetRequiredService<IClusterClient>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _database = await ThrowawayPostgresDatabase.CreateAsync("cluster");
        var shared = Path.Combine(_directory, "shared");
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["Storage__ConnectionString"] = _database.ConnectionString,
            ["Admin__ApiKey"] = AdminKey,
            ["Routing__Extract"] = "none", // great-circle travel times: predictable, and no road graph to build per node
            ["Dispatch__EtaRefreshInterval"] = "00:00:00.200",
            // What nodes on separate machines share: a volume with the uploaded files and the sign-in cookies' keys.
            ["Documents__BlobDirectory"] = Path.Combine(shared, "blobs"),
            ["Chat__AttachmentDirectory"] = Path.Combine(shared, "attachments"),
            ["DataProtection__KeyDirectory"] = Path.Combine(shared, "keys"),
            ["Logging__LogLevel__Default"] = "Warning",
        };

        A = AppNode.Start("A", NodeDirectory("a"), settings);
        B = AppNode.Start("B", NodeDirectory("b"), settings);
        await Task.WhenAll(A.WaitHealthyAsync(StartLimit), B.WaitHealthyAsync(StartLimit));
        _client = await StartClientAsync();
        await Eventually.TrueAsync(async () => (await ActiveSilosAsync()).Length == 2, "both silos are active members", seconds: 60);
    }

    private string NodeDirectory(string name)
    {
        var path = Path.Combine(_directory, name);
        Directory.CreateDirectory(path);
        return path;
    }

    private async Task<IHost> StartClientAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .UseStaticClustering(new IPEndPoint(IPAddress.Loopback, A.GatewayPort), new IPEndPoint(IPAddress.Loopback, B.GatewayPort))
            .Configure<ClusterOptions>(o => o.ClusterId = o.ServiceId = "orleansportal"));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>The silos the cluster's membership counts as active now.</summary>
    public async Task<SiloAddress[]> ActiveSilosAsync() =>
        [.. (await Orleans.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys];

    /// <summary>The node hosting <paramref name="grain"/>'s activation now, or null when it has none (or its silo is gone).</summary>
    public async Task<AppNode?> WhereIsAsync(IAddressable grain) => (await WhereAreAsync([grain])).GetValueOrDefault(grain.GetGrainId());

    /// <summary>The nodes hosting those of <paramref name="grains"/> that have an activation now.</summary>
    public async Task<Dictionary<GrainId, AppNode>> WhereAreAsync(IEnumerable<IAddressable> grains)
    {
        var wanted = grains.Select(g => g.GetGrainId()).ToHashSet();
        var management = Orleans.GetGrain<IManagementGrain>(0);
        // Asked of each silo's own catalog rather than of the directory, so the answer is where the activations are.
        var statistics = await management.GetDetailedGrainStatistics(hostsIds: await ActiveSilosAsync());
        return statistics.Where(s => wanted.Contains(s.GrainId))
            .ToDictionary(s => s.GrainId, s => Nodes.Single(n => n.SiloPort == s.SiloAddress.Endpoint.Port));
    }

    /// <summary>
    /// Moves <paramref name="grain"/>'s activation to <paramref name="node"/> the way Orleans' live migration does it:
    /// asked to migrate with a placement hint, the activation goes where the hint says. Tests that need a call to cross
    /// nodes use it rather than hoping that placement, which prefers the least loaded silo, spreads new activations.
    /// </summary>
    public async Task MoveAsync(IAddressable grain, AppNode node)
    {
        var silo = (await ActiveSilosAsync()).Single(s => s.Endpoint.Port == node.SiloPort);
        await Eventually.TrueAsync(async () =>
        {
            if (await WhereIsAsync(grain) == node) return true;
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
            try
            {
                await grain.AsReference<IGrainManagementExtension>().MigrateOnIdle();
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
            return false;
        }, $"{grain.GetGrainId()} lives on {node.Name}");
    }

    /// <summary>With ORLEANSPORTAL_CLUSTER_LOGS naming a directory, the nodes' whole logs are copied there before the cluster's files go.</summary>
    private void KeepLogs()
    {
        if (Environment.GetEnvironmentVariable("ORLEANSPORTAL_CLUSTER_LOGS") is not { Length: > 0 } keep) return;
        Directory.CreateDirectory(keep);
        var run = Path.GetFileName(_directory);
        foreach (var node in Nodes.Where(n => n is not null))
        {
            var log = Path.Combine(_directory, node.Name.ToLowerInvariant(), "node.log");
            if (File.Exists(log)) File.Copy(log, Path.Combine(keep, $"{run}-{node.Name}.log"), overwrite: true);
        }
    }

    public string RecentLogs() => string.Join('\n', Nodes.Select(n => n.RecentLog()));

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync(TimeSpan.FromSeconds(5));
            _client.Dispose();
        }

        foreach (var node in new[] { A, B }.Where(n => n is not null)) await node.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        KeepLogs();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
