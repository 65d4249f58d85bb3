using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OrleansPortal.Testing;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for one test class: Debian's aiosmtpd in its own process on a free loopback port, storing every
/// message it accepts in a Maildir that the tests read with MimeKit. Its handler (refusing_mailbox.py) refuses every
/// recipient at <see cref="RefusedDomain"/> with a 550, and bounces those at <see cref="BounceDomain"/> after taking them. Missing software fails the fixture with what to install.
/// </summary>
public sealed class MailServer : IAsyncLifetime
{
    public const string RefusedDomain = "refused.test";

    /// <summary>Recipients here are taken, then bounced (see <see cref="BounceTo"/>): "full..." as a full mailbox (5.2.2), others as unknown (5.1.1).</summary>
    public const string BounceDomain = "bounce.test";

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
        Port = FreePort.Next();
        await StartAsync();
    }

    /// <summary>Stops the server and starts it again on the same port: every connection a client held is gone.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>Points the app's mail at this server; call before the app starts.</summary>
    public void ConfigureFor(PortalFactory app, string publicBaseUrl = "http://portal.test")
    {
        app.Settings["Email:SmtpHost"] = "127.0.0.1";
        app.Settings["Email:SmtpPort"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Email:From"] = "Acme Portal <portal@example.com>";
        app.Settings["Portal:PublicBaseUrl"] = publicBaseUrl;
    }

    /// <summary>
    /// From now on, a message for a recipient at <see cref="BounceDomain"/> is taken and then bounced, as a relay does: a
    /// delivery report (RFC 3464) to its envelope sender, sent by SMTP to 127.0.0.1:<paramref name="port"/>.
    /// </summary>
    public void BounceTo(int port)
    {
        Directory.CreateDirectory(_maildir);
        File.WriteAllText(Path.Combine(_maildir, "bounce-to"), port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Points the app's mail at this server (<see cref="ConfigureFor"/>) with bounces on: messages go with return paths at
    /// <paramref name="bounceAddress"/>, the app receives mail on a free port of its own, and this server bounces there.
    /// Returns that port.
    /// </summary>
    public int ConfigureWithBouncesFor(PortalFactory app, string bounceAddress = "bounces@portal.test")
    {
        ConfigureFor(app);
        var port = FreePort.Next();
        app.Settings["Email:BounceAddress"] = bounceAddress;
        app.Settings["InboundMail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["InboundMail:ListenAddress"] = "127.0.0.1";
        BounceTo(port);
        return port;
    }

    /// <summary>Every message received so far for <paramref name="address"/>, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> MailTo(string address)
    {
        var delivered = Path.Combine(_maildir, "new");
        if (!Directory.Exists(delivered)) return [];
        return [.. Directory.GetFiles(delivered)
            .Select(f => (File: f, Written: File.GetLastWriteTimeUtc(f)))
            .OrderBy(f => f.Written).ThenBy(f => f.File, StringComparer.Ordinal)
            .Select(f => ReceivedMail.Load(f.File))
            .Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>
    /// Waits until <paramref name="address"/> has at least <paramref name="count"/> sign-in mails (a magic link in them);
    /// returns the last. Other mail to the address (a visit's messages) is passed over.
    /// </summary>
    public async Task<ReceivedMail> WaitForSignInMailAsync(string address, int count = 1)
    {
        IReadOnlyList<ReceivedMail> SignIns() => [.. MailTo(address).Where(m => m.Links.Count > 0)];
        await Eventually.TrueAsync(() => Task.FromResult(SignIns().Count >= count), $"{count} sign-in mail(s) reached {address}");
        return SignIns()[count - 1];
    }

    /// <summary>Waits until <paramref name="address"/> has at least <paramref name="count"/> messages; returns the last.</summary>
    public async Task<ReceivedMail> WaitForMailAsync(string address, int count = 1)
    {
        await Eventually.TrueAsync(() => Task.FromResult(MailTo(address).Count >= count), $"{count} mail(s) reached {address}");
        return MailTo(address)[count - 1];
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_maildir)) Directory.Delete(_maildir, recursive: true);
    }

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Infrastructure");
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "refusing_mailbox.RefusingMailbox", _maildir })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        _process = process;
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        await Eventually.TrueAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"aiosmtpd exited with status {process.ExitCode}: {errors}");
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

    private async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
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
