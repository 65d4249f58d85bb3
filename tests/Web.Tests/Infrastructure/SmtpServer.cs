using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for one test class: Debian's aiosmtpd in its own process on a free loopback port, storing every
/// message it accepts in a Maildir that the tests read. Missing software fails the fixture with what to install.
/// </summary>
public sealed partial class SmtpServer : IAsyncLifetime
{
    // Debian's interpreter, which is where python3-aiosmtpd installs; the python3 first on PATH may be another one.
    private const string Python = "/usr/bin/python3";
    private const string Install = "install Debian's python3-aiosmtpd (apt-get install python3-aiosmtpd; ./test.sh does when it runs as root)";

    private readonly string _maildir = Path.Combine(Path.GetTempPath(), "orleansportal-smtp-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} is missing: {Install}.");
        var probe = await RunAsync(Python, "-c", "import aiosmtpd");
        if (probe != 0) throw new InvalidOperationException($"{Python} cannot import aiosmtpd: {Install}.");

        Port = FreeLoopbackPort();
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var errors = new StringBuilder();
        _process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();

        await Eventually.TrueAsync(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"aiosmtpd exited with status {_process.ExitCode}: {errors}");
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, $"aiosmtpd listens on 127.0.0.1:{Port}");
    }

    /// <summary>Points the app's mail at this server; call before the app starts.</summary>
    public void ConfigureFor(PortalFactory app, string publicBaseUrl = "http://portal.test")
    {
        app.Settings["Email:SmtpHost"] = "127.0.0.1";
        app.Settings["Email:SmtpPort"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Email:From"] = "Acme Portal <portal@example.com>";
        app.Settings["Portal:PublicBaseUrl"] = publicBaseUrl;
    }

    /// <summary>Every message received so far for <paramref name="address"/>, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> MailTo(string address)
    {
        var delivered = Path.Combine(_maildir, "new");
        if (!Directory.Exists(delivered)) return [];
        return [.. Directory.GetFiles(delivered)
            .Select(f => (File: f, Written: File.GetLastWriteTimeUtc(f)))
            .OrderBy(f => f.Written).ThenBy(f => f.File, StringComparer.Ordinal)
            .Select(f => ReceivedMail.Parse(File.ReadAllText(f.File)))
            .Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Waits until <paramref name="address"/> has at least <paramref name="count"/> messages; returns the last.</summary>
    public async Task<ReceivedMail> WaitForMailAsync(string address, int count = 1)
    {
        await Eventually.TrueAsync(() => Task.FromResult(MailTo(address).Count >= count), $"{count} mail(s) reached {address}");
        return MailTo(address)[count - 1];
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Directory.Exists(_maildir)) Directory.Delete(_maildir, recursive: true);
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<int> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}

/// <summary>A message as the SMTP server stored it: the To header, the subject and the decoded text body.</summary>
public sealed partial record ReceivedMail(string To, string Subject, string Body)
{
    /// <summary>The sign-in links in the body, in order.</summary>
    public IReadOnlyList<Uri> Links => [.. LinkPattern().Matches(Body).Select(m => new Uri(m.Value))];

    /// <summary>The token of the only (or the given) sign-in link.</summary>
    public string Token(int link = 0) => Links[link].Query["?token=".Length..];

    public static ReceivedMail Parse(string raw)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = Unfold(text[..split]);
        var body = text[(split + 2)..];
        if (Header(headers, "Content-Transfer-Encoding").Equals("base64", StringComparison.OrdinalIgnoreCase))
            body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\n').Select(l => l.Trim()))));
        return new ReceivedMail(Header(headers, "To"), DecodeWords(Header(headers, "Subject")), body);
    }

    private static List<(string Name, string Value)> Unfold(string block)
    {
        var headers = new List<(string, string)>();
        foreach (var line in block.Split('\n'))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && headers.Count > 0) headers[^1] = (headers[^1].Item1, headers[^1].Item2 + " " + line.Trim());
            else if (line.IndexOf(':') is > 0 and var colon) headers.Add((line[..colon], line[(colon + 1)..].Trim()));
        }

        return headers;
    }

    private static string Header(List<(string Name, string Value)> headers, string name) =>
        headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value ?? "";

    // RFC 2047 encoded words in base64 ("=?utf-8?B?...?="), which is how System.Net.Mail encodes a UTF-8 subject.
    private static string DecodeWords(string value) =>
        EncodedWord().Replace(value, m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value))).Replace("?= =?", "", StringComparison.Ordinal);

    [GeneratedRegex(@"https?://\S+/portal/login\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"=\?utf-8\?B\?([A-Za-z0-9+/=]+)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
