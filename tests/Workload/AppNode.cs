using System.Diagnostics;
using System.Globalization;
using OrleansPortal.Testing;

namespace OrleansPortal.Testing.Workload;

/// <summary>
/// One node of the cluster: the real app (`dotnet OrleansPortal.Web.dll`, a silo co-hosted with Kestrel) in its own
/// process on loopback, with free ports and a home directory of its own, as if it ran on a machine of its own. Only
/// what the nodes must share is shared: the database and the directory of files (photos, chat images, keys).
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    private const int LogLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _log = new();
    private readonly StreamWriter _logFile;

    private AppNode(string name, Process process, Uri address, int siloPort, int gatewayPort, string logFile)
    {
        Name = name;
        _logFile = new StreamWriter(logFile) { AutoFlush = true };
        _process = process;
        Address = address;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>Where this node's Kestrel listens (http://127.0.0.1:port).</summary>
    public Uri Address { get; }

    public int SiloPort { get; }

    /// <summary>The node's Orleans gateway, for the tests' external client (the app itself needs none).</summary>
    public int GatewayPort { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The node's process id, for benchmarks that measure its CPU.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// The settings of an app on PostgreSQL that is restarted at will: quiet logs, great-circle travel times (it starts in
    /// seconds), and files and sign-in keys in <paramref name="shared"/>, which outlives a restart as a volume would.
    /// </summary>
    public static Dictionary<string, string> Settings(string connectionString, string adminKey, string shared) => new()
    {
        ["Storage__Provider"] = "PostgreSql",
        ["Storage__ConnectionString"] = connectionString,
        ["Admin__ApiKey"] = adminKey,
        ["Routing__Extract"] = "none",
        ["Documents__BlobDirectory"] = Path.Combine(shared, "blobs"),
        ["Chat__AttachmentDirectory"] = Path.Combine(shared, "attachments"),
        ["DataProtection__KeyDirectory"] = Path.Combine(shared, "keys"),
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>Starts the app with <paramref name="settings"/> as environment variables ("Section__Key").</summary>
    /// <param name="httpPort">The HTTP port to listen on (a restart keeps its address); a free one if null.</param>
    /// <param name="appDirectory">Where OrleansPortal.Web.dll is; next to the running assembly (the test projects copy it there) if null.</param>
    public static AppNode Start(string name, string directory, IReadOnlyDictionary<string, string> settings, int? httpPort = null, string? appDirectory = null)
    {
        httpPort ??= FreePort.Next();
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var home = Path.Combine(directory, "home");
        Directory.CreateDirectory(home);
        var address = new Uri($"http://127.0.0.1:{httpPort}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appDirectory ?? AppContext.BaseDirectory, "OrleansPortal.Web.dll"), "--urls", address.ToString().TrimEnd('/')])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = directory,
        };
        // A home of its own: nothing machine-wide (ASP.NET's default key ring lives under the home) is shared by accident.
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_CLI_HOME"] = home;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Cluster__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Cluster__AdvertisedAddress"] = "127.0.0.1";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Node {name} did not start.");
        return new AppNode(name, process, address, siloPort, gatewayPort, Path.Combine(directory, "node.log"));
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Waits until the node answers /health (its silo runs and reaches storage).</summary>
    public async Task WaitHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Node {Name} exited with {_process.ExitCode} before it was healthy:\n{RecentLog()}");
            if (await IsHealthyAsync(http)) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Node {Name} was not healthy within {limit.TotalSeconds:0} s:\n{RecentLog()}");
            await Task.Delay(200);
        }
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/health");
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false; // not listening yet
        }
    }

    /// <summary>SIGKILL: the process ends at once, with no chance to leave the cluster or flush anything.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>The last lines the node printed, for failure messages (all of them are in node.log, in its directory).</summary>
    public string RecentLog()
    {
        lock (_log) return $"--- {Name} ---\n" + string.Join('\n', _log);
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            _logFile.WriteLine(line);
            _log.Enqueue(line);
            if (_log.Count > LogLines) _log.Dequeue();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.WaitForExit(); // the output readers are done: nothing writes to the log any more
        _process.Dispose();
        await _logFile.DisposeAsync();
    }
}
