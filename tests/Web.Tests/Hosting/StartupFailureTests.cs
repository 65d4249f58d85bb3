using System.Diagnostics;

namespace OrleansPortal.Web.Tests.Hosting;

/// <summary>Starts the real app as a process with a wrong configuration: it must stop with one clear line, not a stack trace.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task UnknownStorageProvider_StopsStartupWithOneClearLine()
    {
        var (exitCode, stderr) = await RunAppAsync(("Storage__Provider", "Oracle"));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr);
        Assert.Contains("Unknown storage provider 'Oracle'", line);
    }

    [Fact]
    public async Task UnreachablePostgreSql_StopsStartupWithOneClearLine()
    {
        var (exitCode, stderr) = await RunAppAsync(
            ("Storage__Provider", "PostgreSql"),
            ("Storage__ConnectionString", "Host=127.0.0.1;Port=1;Username=nobody;Timeout=3"));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr);
        Assert.Contains("Cannot open the PostgreSQL database", line);
        Assert.Contains("127.0.0.1:1", line);
    }

    private static async Task<(int ExitCode, string[] Stderr)> RunAppAsync(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet", [WebAssemblyPath(), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // The app as built next to this test assembly (the test project references it, so it is copied here).
    private static string WebAssemblyPath() => Path.Combine(AppContext.BaseDirectory, "OrleansPortal.Web.dll");
}
