using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace OrleansPortal.Benchmarks.Fleet;

/// <summary>
/// The real app in its own process, on the throwaway PostgreSQL bench/run started, as production would run it; the
/// benchmark owns it so that it can restart it (a cold cluster: no grain active, nothing cached in the process).
/// Its output goes to a log file, named when it fails to start.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private const string RoadGraphLogger = "OrleansPortal.Web.Routing.RoadNetworkLoader";

    private readonly string _directory;
    private readonly string _connectionString;
    private readonly string _log = Path.Combine(Path.GetTempPath(), "orleansportal-bench-fleet-app.log");
    private readonly int _siloPort = FreePort();
    private Process? _process;
    private string? _webRoot;
    private StreamWriter? _logWriter;
    private readonly List<string> _lines = []; // this run's output, for WaitForStartUpWorkAsync

    private AppProcess(string directory, string connectionString, string adminKey)
    {
        _directory = directory;
        _connectionString = connectionString;
        AdminKey = adminKey;
        Url = new Uri($"http://127.0.0.1:{FreePort()}");
    }

    public Uri Url { get; }

    public string AdminKey { get; }

    /// <summary>CPU time the running app has used since it started.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            var process = _process ?? throw new InvalidOperationException("The app is not running.");
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <param name="webRoot">The folder of the pages to serve (src/Web/wwwroot) when a browser is part of the benchmark.</param>
    public static async Task<AppProcess> StartAsync(string? webRoot = null)
    {
        var directory = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_APP") ?? throw new InvalidOperationException("Run this through bench/run.");
        var postgres = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_POSTGRES") ?? throw new InvalidOperationException("Run this through bench/run.");
        var app = new AppProcess(directory, postgres, $"bench-{Guid.NewGuid():N}") { _webRoot = webRoot };
        await app.StartProcessAsync();
        return app;
    }

    /// <summary>
    /// Waits until the app has finished its start-up work: it builds Porto's road graph in the background (a few seconds
    /// of one core), which would otherwise compete with what is measured.
    /// </summary>
    public async Task WaitForStartUpWorkAsync()
    {
        var clock = Stopwatch.StartNew();
        while (!LogSays("Road graph from") && !LogSays("great-circle"))
        {
            if (clock.Elapsed > StartTimeout) throw new InvalidOperationException($"The app did not finish its start-up work within {StartTimeout.TotalSeconds:0} s; its log: {_log}");
            await Task.Delay(100);
        }
    }

    private bool LogSays(string text)
    {
        lock (_lines) return _lines.Exists(l => l.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>Stops the app as an operator would (SIGTERM: grains deactivate, queued pings are stored), then starts it again.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo("dotnet", ["OrleansPortal.Web.dll", "--urls", Url.ToString()])
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Storage__Provider"] = "PostgreSql";
        start.Environment["Storage__ConnectionString"] = _connectionString;
        start.Environment["Admin__ApiKey"] = AdminKey;
        start.Environment["Cluster__SiloPort"] = _siloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Cluster__AdvertisedAddress"] = "127.0.0.1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (_webRoot is not null) start.Environment["ASPNETCORE_WEBROOT"] = _webRoot; // the built pages are not copied next to the binaries
        start.Environment[$"Logging__LogLevel__{RoadGraphLogger}"] = "Information"; // says when the road graph is built
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = _logWriter = new StreamWriter(_log, append: true) { AutoFlush = true };
        lock (_lines) _lines.Clear();
        void Keep(string? line)
        {
            if (line is null) return;
            lock (log) log.WriteLine(line);
            lock (_lines) _lines.Add(line);
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited) break;
            try
            {
                using var health = await http.GetAsync("/health");
                if (health.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The app did not become healthy within {StartTimeout.TotalSeconds:0} s; its log: {_log}");
    }

    private async Task StopAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await kill!.WaitForExitAsync();
            using var patience = new CancellationTokenSource(StopTimeout);
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
        if (_logWriter is { } log)
        {
            _logWriter = null;
            lock (log) log.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
