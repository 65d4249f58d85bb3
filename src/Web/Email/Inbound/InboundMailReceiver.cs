using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OrleansPortal.Web.Email.Inbound;

/// <summary>
/// The receiver's answers (for <see cref="InboundMailListener"/>): at RCPT, whether any mailbox accepts the recipient; at
/// the end of DATA, the message parsed with MimeKit and handed to the mailboxes of its recipients, then 250.
/// </summary>
internal sealed partial class InboundMailReceiver(IInboundMailbox[] mailboxes, ILogger logger) : IMailboxFilter, IMessageStore
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
        Task.FromResult(mailboxes.Any(m => m.Accepts(AddressOf(to))));

    public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(buffer.ToArray(), writable: false);
            message = await MimeMessage.LoadAsync(stream, cancellationToken);
        }
        catch (FormatException)
        {
            return new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.6.0 The message is not MIME");
        }

        using (message)
        {
            try
            {
                var sender = transaction.From is { User.Length: > 0 } from ? AddressOf(from) : null;
                foreach (var recipient in transaction.To.Select(AddressOf))
                    foreach (var mailbox in mailboxes.Where(m => m.Accepts(recipient)))
                        await mailbox.ReceiveAsync(new InboundMail(recipient, sender, message), cancellationToken);
            }
            catch (InboundMailDeferredException deferred)
            {
                LogDeferred(deferred);
                return new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 Try again later");
            }
        }

        return SmtpResponse.Ok;
    }

    private static string AddressOf(IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "An inbound message was deferred; its sender will try again")]
    private partial void LogDeferred(Exception exception);
}
