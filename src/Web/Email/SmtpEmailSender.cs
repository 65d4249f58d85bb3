using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OrleansPortal.Web.Email;

/// <summary>
/// Sends through the configured SMTP server with MailKit over a pool of connected, authenticated clients. Concurrency:
/// a MailKit <see cref="SmtpClient"/> carries one message at a time, so a client is either idle in the pool or owned by
/// exactly one send; <see cref="EmailOptions.PoolSize"/> sends run at once and further ones wait for a free client.
/// </summary>
public sealed partial class SmtpEmailSender : IEmailSender, IAsyncDisposable
{
    private readonly EmailOptions _settings;
    private readonly string _host;
    private readonly MailboxAddress _from;
    private readonly ILogger<SmtpEmailSender> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<SmtpClient> _idle = new();

    public SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger)
    {
        _settings = options.Value;
        _host = _settings.SmtpHost ?? throw new InvalidOperationException("Email:SmtpHost is not set: UnsentEmailSender stands in then.");
        _from = MailboxAddress.Parse(_settings.From);
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(1, _settings.PoolSize));
    }

    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var mime = EmailMime.Compose(message, _from);
        var messageId = mime.MessageId!; // Compose always sets one
        await _slots.WaitAsync(cancellationToken);
        try
        {
            // A pooled connection the server closed while it was idle shows only when used, before any of this message
            // was accepted: that is no delivery failure, so the message goes once more on a new connection.
            var envelope = Envelope(message, mime);
            if (_idle.TryPop(out var pooled) && await SendOnAsync(pooled, mime, envelope, stale: true, cancellationToken)) return messageId;
            await SendOnAsync(new SmtpClient { Timeout = _settings.TimeoutSeconds * 1000 }, mime, envelope, stale: false, cancellationToken);
            return messageId;
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>The envelope: MAIL FROM the message's return path (else the From address), RCPT TO its recipient.</summary>
    private (MailboxAddress Sender, MailboxAddress[] Recipients) Envelope(EmailMessage message, MimeMessage mime) =>
        (message.ReturnPath is { } path ? new MailboxAddress("", path) : _from, [.. mime.To.Mailboxes]);

    /// <summary>True when sent; false only for a <paramref name="stale"/> client that turned out to be disconnected.</summary>
    private async Task<bool> SendOnAsync(SmtpClient client, MimeMessage mime, (MailboxAddress Sender, MailboxAddress[] Recipients) envelope, bool stale, CancellationToken cancellationToken)
    {
        var keep = false;
        try
        {
            if (!client.IsConnected) await ConnectAsync(client, cancellationToken);
            await client.SendAsync(mime, envelope.Sender, envelope.Recipients, cancellationToken);
            keep = true;
            return true;
        }
        catch (SmtpCommandException ex) when (stale && ex.StatusCode == SmtpStatusCode.ServiceNotAvailable)
        {
            LogReconnecting();
            return false; // 421: the server is closing this connection; a new one may well be welcome
        }
        catch (SmtpCommandException ex)
        {
            keep = client.IsConnected; // the server answered: the connection is fine for the next message
            throw SmtpFailures.From(ex);
        }
        catch (Exception ex) when (stale && ex is SmtpProtocolException or ServiceNotConnectedException or IOException)
        {
            LogReconnecting();
            return false;
        }
        catch (Exception ex) when (SmtpFailures.IsTransport(ex) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw SmtpFailures.From(ex);
        }
        finally
        {
            if (keep) _idle.Push(client);
            else client.Dispose();
        }
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        var security = !_settings.EnableSsl ? SecureSocketOptions.None
            : _settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(_host, _settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(_settings.Username)) await client.AuthenticateAsync(_settings.Username, _settings.Password ?? "", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryPop(out var client))
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (SmtpFailures.IsTransport(ex) || ex is SmtpCommandException)
            {
                // Closing anyway; a server that is gone already needs no QUIT.
            }
            client.Dispose();
        }
        _slots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A pooled SMTP connection was closed by the server; sending on a new one.")]
    private partial void LogReconnecting();
}
