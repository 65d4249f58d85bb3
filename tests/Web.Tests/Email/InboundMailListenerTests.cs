using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using OrleansPortal.Testing;
using OrleansPortal.Web.Email.Inbound;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Email;

/// <summary>The app's SMTP receiver on its own, talked to with MailKit: who it takes mail for, what it answers, and when.</summary>
public sealed class InboundMailListenerTests
{
    [Fact]
    public async Task MailForAMailbox_IsHandedToIt_OtherRecipientsAreRefused_AndADeferralAsksForALaterTry()
    {
        var mailbox = new RecordingMailbox();
        var port = FreePort.Next();
        using var listener = new InboundMailListener(Options.Create(new InboundMailOptions { Port = port, ListenAddress = "127.0.0.1" }), [mailbox], NullLogger<InboundMailListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        try
        {
            using var client = await InboundSmtp.ConnectAsync(port);

            foreach (var stranger in new[] { "someone@portal.test", "x@elsewhere.test" })
            {
                var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Mail("Hello"), From, [new MailboxAddress("", stranger)]));
                Assert.Equal((SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable), (refused.ErrorCode, refused.StatusCode));
            }

            await client.SendAsync(Mail("Hello"), From, [new MailboxAddress("", "inbox@portal.test")]);
            Assert.Equal(("inbox@portal.test", "Hello"), Assert.Single(mailbox.Received));

            mailbox.Defer = true;
            var deferred = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Mail("Later"), From, [new MailboxAddress("", "inbox@portal.test")]));
            Assert.Equal(SmtpStatusCode.ErrorInProcessing, deferred.StatusCode); // 451: the sender tries again
            await client.DisconnectAsync(quit: true);
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }

    private static readonly MailboxAddress From = new("", "sender@elsewhere.test");

    private static MimeMessage Mail(string subject)
    {
        var message = new MimeMessage();
        message.From.Add(From);
        message.To.Add(new MailboxAddress("", "inbox@portal.test"));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = subject };
        return message;
    }

    private sealed class RecordingMailbox : IInboundMailbox
    {
        public List<(string Address, string Subject)> Received { get; } = [];

        public bool Defer { get; set; }

        public bool Accepts(string address) => address == "inbox@portal.test";

        public Task ReceiveAsync(InboundMail mail, CancellationToken cancellationToken)
        {
            if (Defer) throw new InboundMailDeferredException("storage is down");
            Received.Add((mail.Recipient, mail.Message.Subject ?? ""));
            return Task.CompletedTask;
        }
    }
}
