using System.Net;
using Microsoft.Extensions.Options;
using SmtpServer;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace OrleansPortal.Web.Email.Inbound;

/// <summary>
/// The app's SMTP receiver (the SmtpServer library): a recipient no <see cref="IInboundMailbox"/> accepts is refused at
/// RCPT with 550, before any content is sent, so the receiver relays nothing and stores nothing for anyone else. A message
/// is parsed with MimeKit and handed to the mailboxes of its accepted recipients; 250 is answered only once they took it.
/// </summary>
public sealed partial class InboundMailListener(IOptions<InboundMailOptions> options, IEnumerable<IInboundMailbox> mailboxes, ILogger<InboundMailListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Port is not { } port) return;
        var endpoint = new IPEndPoint(IPAddress.Parse(settings.ListenAddress), port);
        var server = new SmtpServerHost(new SmtpServerOptionsBuilder()
            .ServerName(settings.ServerName)
            .Endpoint(e => e.Endpoint(endpoint))
            .MaxMessageSize(settings.MaxMessageBytes, MaxMessageSizeHandling.Strict)
            .Build(), Services());
        server.SessionFaulted += (_, e) => LogFaulted(e.Exception);
        LogListening(endpoint);
        await server.StartAsync(stoppingToken);
    }

    private SmtpServer.ComponentModel.ServiceProvider Services()
    {
        // Its own object, not this service: the library disposes the filter and the store it is given after each use.
        var receiver = new InboundMailReceiver([.. mailboxes], logger);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add((IMailboxFilter)receiver);
        services.Add((IMessageStore)receiver);
        return services;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Receiving mail by SMTP on {Endpoint}")]
    private partial void LogListening(IPEndPoint endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An SMTP session ended on an error")]
    private partial void LogFaulted(Exception exception);
}
