using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace OrleansPortal.Benchmarks.Notify;

/// <summary>
/// A real SMTP server process (Debian's aiosmtpd) that stores every mail it accepts in a Maildir: the benchmark counts
/// the files as they arrive and reads each one's Message-Id at the end.
/// </summary>
internal sealed partial class MaildirServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly string _maildir;
    private readonly Process _process;

    private MaildirServer(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        _maildir = maildir;
    }

    public int Port { get; }

    public static async Task<MaildirServer> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var maildir = Path.Combine(Path.GetTempPath(), "orleansportal-bench-maildir-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start (apt-get install python3-aiosmtpd).");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new MaildirServer(process, port, maildir);
        for (var tries = 0; tries < 100; tries++)
        {
            if (process.HasExited) throw new InvalidOperationException($"aiosmtpd exited with {process.ExitCode} (is python3-aiosmtpd installed?)");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("aiosmtpd did not listen within 10 s.");
    }

    private string Delivered => Path.Combine(_maildir, "new");

    /// <summary>Mails stored so far (duplicates included).</summary>
    public int Count => Directory.Exists(Delivered) ? Directory.EnumerateFiles(Delivered).Count() : 0;

    /// <summary>The Message-Id of every stored mail, one entry per mail.</summary>
    public IReadOnlyList<string> MessageIds()
    {
        if (!Directory.Exists(Delivered)) return [];
        var ids = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Delivered))
        {
            using var reader = new StreamReader(file);
            while (reader.ReadLine() is { Length: > 0 } line)
            {
                if (MessageIdHeader().Match(line) is { Success: true } match)
                {
                    ids.Add(match.Groups[1].Value);
                    break;
                }
            }
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (Directory.Exists(_maildir)) Directory.Delete(_maildir, recursive: true);
    }

    [GeneratedRegex(@"^Message-ID:\s*<?([^>\s]+)>?", RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();
}
