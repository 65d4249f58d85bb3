using MailKit.Net.Smtp;
using MimeKit;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>Talking SMTP to the app's own receiver, as another mail server would (it starts with the app, so the first connect may wait for it).</summary>
public static class InboundSmtp
{
    public static async Task<SmtpClient> ConnectAsync(int port)
    {
        var client = new SmtpClient();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await client.ConnectAsync("127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
                return true;
            }
            catch (System.Net.Sockets.SocketException)
            {
                return false;
            }
        }, $"the app's SMTP receiver listens on port {port}");
        return client;
    }

    /// <summary>Sends one message and hangs up; returns once the receiver answered 250 (it has dealt with the message).</summary>
    public static async Task SendAsync(int port, MimeMessage message)
    {
        using var client = await ConnectAsync(port);
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }
}
