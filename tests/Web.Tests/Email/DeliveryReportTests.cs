using System.Text;
using MimeKit;
using OrleansPortal.Web.Email;
using OrleansPortal.Web.Email.Bounces;

namespace OrleansPortal.Web.Tests.Email;

/// <summary>Delivery reports (RFC 3464) as servers write them, read back; and the per-message return paths they come to.</summary>
public sealed class DeliveryReportTests
{
    [Fact]
    public void AReportWithTheWholeOriginal_NamesItsMessage_AndSaysWhatFailed()
    {
        var report = DeliveryReport.Read(Parse(Report("failed", "5.1.1", "message/rfc822", "<0123456789abcdef0123456789abcdef@orleansportal.notifications>")))!;

        var failure = Assert.IsType<RecipientOutcome>(report.Failure);
        Assert.Equal(("maria@example.test", "5.1.1", true), (failure.Recipient, failure.Status, failure.AddressIsBad));
        Assert.Equal("5.1.1 smtp; 550 5.1.1 <maria@example.test>: Recipient address rejected: User unknown in virtual mailbox table", failure.Detail);
        Assert.True(report.CanBeAbout("0123456789abcdef0123456789abcdef@orleansportal.notifications"));
        Assert.False(report.CanBeAbout("fedcba9876543210fedcba9876543210@orleansportal.notifications"));
    }

    [Fact]
    public void ADelayWarning_ReportsNoFailure_AndAFullMailbox_IsNoBadAddress()
    {
        Assert.Null(DeliveryReport.Read(Parse(Report("delayed", "4.4.1", "text/rfc822-headers", "<a@b>")))!.Failure);
        var full = DeliveryReport.Read(Parse(Report("failed", "5.2.2", "text/rfc822-headers", "<a@b>")))!.Failure!;
        Assert.False(full.AddressIsBad);
    }

    [Fact]
    public void MailThatIsNoDeliveryReport_ReadsAsNone()
    {
        var reply = new MimeMessage { Subject = "Out of office", Body = new TextPart("plain") { Text = "Back on Monday." } };
        Assert.Null(DeliveryReport.Read(reply));
        var otherReport = new MimeMessage { Body = new MultipartReport("disposition-notification") { new TextPart("plain") { Text = "Read." } } };
        Assert.Null(DeliveryReport.Read(otherReport));
    }

    [Fact]
    public void AReturnPath_CarriesItsMessagesId_AndNothingElseReadsAsOne()
    {
        var addresses = BounceAddresses.From(new EmailOptions { BounceAddress = "Bounces@Mail.Example.com" })!;
        const string id = "0123456789abcdef0123456789abcdef@orleansportal.notifications";

        var path = addresses.For(id);
        Assert.Equal("bounces+0123456789abcdef0123456789abcdef@mail.example.com", path);
        Assert.Equal(id, addresses.MessageIdFor(path!));
        Assert.Equal(id, addresses.MessageIdFor("BOUNCES+0123456789ABCDEF0123456789ABCDEF@MAIL.EXAMPLE.COM"));
        Assert.Null(addresses.For("sign-in-link@localhost")); // a message the outbox did not make has no return path of its own
        foreach (var stranger in new[] { "bounces@mail.example.com", "bounces+0123@mail.example.com", "other+0123456789abcdef0123456789abcdef@mail.example.com",
                     "bounces+0123456789abcdef0123456789abcdef@elsewhere.test", "bounces+0123456789abcdef0123456789abcdeg@mail.example.com" })
            Assert.Null(addresses.MessageIdFor(stranger));
        Assert.Null(BounceAddresses.From(new EmailOptions()));
        Assert.Throws<InvalidOperationException>(() => BounceAddresses.From(new EmailOptions { BounceAddress = "not an address" }));
        Assert.Throws<InvalidOperationException>(() => BounceAddresses.From(new EmailOptions { BounceAddress = new string('b', 32) + "@mail.example.com" }));
    }

    private static MimeMessage Parse(string raw) => MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(raw.ReplaceLineEndings("\r\n"))));

    /// <summary>A report laid out as Postfix writes one.</summary>
    private static string Report(string action, string status, string originalType, string originalMessageId) => $"""
        From: MAILER-DAEMON@relay.example.test (Mail Delivery System)
        To: bounces+0123456789abcdef0123456789abcdef@portal.test
        Subject: Undelivered Mail Returned to Sender
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

        --B1
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host relay.example.test.

        --B1
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; relay.example.test
        X-Postfix-Queue-ID: 4Q2Yz81Qz5z9v
        Arrival-Date: Mon,  7 Dec 2026 12:00:00 +0000 (UTC)

        Final-Recipient: rfc822; maria@example.test
        Original-Recipient: rfc822;maria@example.test
        Action: {action}
        Status: {status}
        Remote-MTA: dns; mx.example.test
        Diagnostic-Code: smtp; 550 {status} <maria@example.test>: Recipient address
            rejected: User unknown in virtual mailbox table

        --B1
        Content-Description: Undelivered Message
        Content-Type: {originalType}

        Message-Id: {originalMessageId}
        From: Acme Portal <portal@example.com>
        To: maria@example.test
        Subject: About Tuesday's visit

        --B1--
        """;
}
