using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using OrleansPortal.Web.Notifications;

namespace OrleansPortal.Web.Email;

/// <summary>
/// What an SMTP failure means for the outbox. A 5xx reply (a refused recipient, a refused message) is permanent: the same
/// mail will be refused again. A 4xx reply (greylisting, a full mailbox, a busy server), a connection that cannot be made or
/// was lost, a TLS or authentication failure (configuration the operator can fix) and a timeout are transient.
/// </summary>
public static class SmtpFailures
{
    /// <summary>Failures of the connection rather than of the message; <see cref="SmtpCommandException"/> is handled on its own.</summary>
    public static bool IsTransport(Exception ex) =>
        ex is IOException or SocketException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException
            or SslHandshakeException or AuthenticationException;

    public static DeliveryFailedException From(SmtpCommandException ex)
    {
        var code = (int)ex.StatusCode;
        var what = ex.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => "The mail server refused the recipient",
            SmtpErrorCode.SenderNotAccepted => "The mail server refused the sender",
            SmtpErrorCode.MessageNotAccepted => "The mail server refused the message",
            _ => "The mail server answered with an error",
        };
        return new DeliveryFailedException($"{what} ({code}).", permanent: code >= 500, code.ToString(CultureInfo.InvariantCulture), ex);
    }

    public static DeliveryFailedException From(Exception transport) =>
        new("The mail server could not be reached or the connection failed.", permanent: false, ProviderCode(transport), transport);

    // No SMTP status exists for a failed connection; the kind of failure is what the delivery log can show instead.
    private static string ProviderCode(Exception ex) => ex switch
    {
        SocketException socket => "socket:" + socket.SocketErrorCode,
        AuthenticationException => "auth",
        SslHandshakeException => "tls",
        TimeoutException => "timeout",
        _ => "connection",
    };
}
