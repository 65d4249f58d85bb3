using Npgsql;
using OrleansPortal.Testing;
using OrleansPortal.Testing.Workload;

namespace OrleansPortal.Reliability.Tests;

/// <summary>
/// The real app in its own process on a throwaway PostgreSQL database, reached through a relay that a test cuts to
/// take the database away (as a network or database host failure does), and killed with SIGKILL at will. It keeps its
/// address across restarts, so the load's clients carry on as phones and browsers would.
/// </summary>
public sealed class ChaosApp : IChaosTarget, IAsyncLifetime
{
    public const string AdminKey = "reliability-test-admin-key-0123456789";
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orleansportal-reliability-" + Guid.NewGuid().ToString("N"));
    private readonly int _httpPort = FreePort.Next();
    private ThrowawayPostgresDatabase _database = null!;
    private TcpRelay _relay = null!;
    private Dictionary<string, string> _settings = null!;
    private AppNode _app = null!;
    private int _starts;

    public Uri Address => _app.Address;

    /// <summary>The database as the app sees it when it is up, for reading what was stored.</summary>
    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _database = await ThrowawayPostgresDatabase.CreateAsync("reliability");
        var target = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        _relay = new TcpRelay(target.Host!, target.Port);
        var throughRelay = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = _relay.Port }.ConnectionString;
        _settings = AppNode.Settings(throughRelay, AdminKey, Path.Combine(_directory, "shared"));
        await StartAppAsync();
    }

    public Task KillAppAsync() => _app.KillAsync();

    public async Task StartAppAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        var home = Path.Combine(_directory, $"start-{++_starts}");
        Directory.CreateDirectory(home);
        _app = AppNode.Start("app", home, _settings, _httpPort);
        await _app.WaitHealthyAsync(StartLimit);
    }

    public Task StopDatabaseAsync()
    {
        _relay.Cut();
        return Task.CompletedTask;
    }

    public Task StartDatabaseAsync()
    {
        _relay.Restore();
        return Task.CompletedTask;
    }

    public string RecentLog() => _app.RecentLog();

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await _relay.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
