using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using OrleansPortal.Testing;
using OrleansPortal.Web.Email;
using OrleansPortal.Web.Notifications;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Email;

/// <summary>The MailKit sender on its own, against the real aiosmtpd process: what arrives is read back with MimeKit.</summary>
public sealed class SmtpEmailSenderTests(MailServer smtp) : IClassFixture<MailServer>
{
    [Fact]
    public async Task HtmlMail_ArrivesAsTextAndHtmlAlternatives_BothDecodable()
    {
        await using var sender = Sender();
        var to = UniqueEmail();
        var link = "https://portal.test/track/" + new string('x', 120) + "?from=mail&lang=pt";
        await sender.SendAsync(new EmailMessage(to, "Técnico a caminho", $"O João está a caminho.\n{link}\n")
        {
            ToName = "Maria Silva",
            Html = $"<p>O <b>João</b> está a caminho.</p><p><a href=\"{link}\">Seguir</a></p>",
        }, CancellationToken.None);

        var mail = (await smtp.WaitForMailAsync(to)).Message;
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("Técnico a caminho", mail.Subject);
        Assert.Equal("Maria Silva", Assert.Single(mail.To.Mailboxes).Name);
        Assert.Contains(link, Lines(mail.TextBody)); // whole, on one line: no soft line break cut it
        Assert.Contains($"<a href=\"{link}\">Seguir</a>", mail.HtmlBody);
        Assert.Contains("O João está a caminho.", mail.TextBody);
    }

    [Fact]
    public async Task Attachment_ArrivesWithItsName_Type_AndExactBytes()
    {
        await using var sender = Sender();
        var to = UniqueEmail();
        var pdf = RandomNumberGenerator.GetBytes(150_000);
        await sender.SendAsync(new EmailMessage(to, "Your invoice", "The invoice is attached.")
        {
            Html = "<p>The invoice is attached.</p>",
            Attachments = [new EmailAttachment("Invoice 2026-0042.pdf", "application/pdf", pdf)],
        }, CancellationToken.None);

        var mail = (await smtp.WaitForMailAsync(to)).Message;
        Assert.Equal("multipart/mixed", mail.Body!.ContentType.MimeType);
        Assert.Equal("The invoice is attached.", mail.TextBody);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("Invoice 2026-0042.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);
        Assert.Equal(pdf, bytes.ToArray());
    }

    [Fact]
    public async Task MarketingMail_CarriesOneClickUnsubscribe_AndServiceMailDoesNot()
    {
        await using var sender = Sender();
        var marketing = UniqueEmail();
        var service = UniqueEmail();
        var unsubscribe = new Uri("https://portal.test/unsubscribe/opaque-token-123");
        await sender.SendAsync(new EmailMessage(marketing, "Spring check-up offer", "Book now.") { Marketing = true, UnsubscribeUrl = unsubscribe }, CancellationToken.None);
        await sender.SendAsync(new EmailMessage(service, "Your technician is on the way", "Ana is on the way."), CancellationToken.None);

        var offer = (await smtp.WaitForMailAsync(marketing)).Message;
        Assert.Equal("<https://portal.test/unsubscribe/opaque-token-123>", offer.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", offer.Headers["List-Unsubscribe-Post"]);
        var notice = (await smtp.WaitForMailAsync(service)).Message;
        Assert.False(notice.Headers.Contains("List-Unsubscribe"));
        Assert.False(notice.Headers.Contains("List-Unsubscribe-Post"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://portal.test/unsubscribe/abc")]
    public async Task MarketingMail_WithoutAnHttpsUnsubscribeUrl_IsRefusedBeforeSending(string? url)
    {
        await using var sender = Sender();
        var to = UniqueEmail();
        var mail = new EmailMessage(to, "Offer", "Book now.") { Marketing = true, UnsubscribeUrl = url is null ? null : new Uri(url) };
        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(mail, CancellationToken.None));
        await sender.SendAsync(new EmailMessage(to, "After", "Sent."), CancellationToken.None);
        Assert.Equal("After", Assert.Single(smtp.MailTo(to)).Subject);
    }

    [Fact]
    public async Task GivenMessageId_IsTheOneSent_SoAResendCarriesTheSameId()
    {
        await using var sender = Sender();
        var to = UniqueEmail();
        var id = $"outbox.{Guid.NewGuid():N}@portal.example.com";
        var mail = new EmailMessage(to, "Reminder", "Tomorrow 9-11.") { MessageId = id, Headers = new Dictionary<string, string> { ["X-Delivery-Key"] = "k-1" } };

        Assert.Equal(id, await sender.SendAsync(mail, CancellationToken.None));
        Assert.Equal(id, await sender.SendAsync(mail, CancellationToken.None));

        await smtp.WaitForMailAsync(to, 2);
        Assert.All(smtp.MailTo(to), m => Assert.Equal(id, m.Message.MessageId));
        Assert.All(smtp.MailTo(to), m => Assert.Equal("k-1", m.Message.Headers["X-Delivery-Key"]));
    }

    [Fact]
    public async Task WithoutAMessageId_EachMailGetsItsOwn_AndTheSenderSaysWhich()
    {
        await using var sender = Sender();
        var to = UniqueEmail();
        var first = await sender.SendAsync(new EmailMessage(to, "One", "1"), CancellationToken.None);
        var second = await sender.SendAsync(new EmailMessage(to, "Two", "2"), CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.EndsWith("@example.com", first);
        await smtp.WaitForMailAsync(to, 2);
        Assert.Equal([first, second], smtp.MailTo(to).OrderBy(m => m.Subject == "Two").Select(m => m.Message.MessageId));
    }

    [Fact]
    public async Task RefusedRecipient_IsAPermanentFailure_WithTheServersCode_AndTheNextMailStillGoes()
    {
        await using var sender = Sender(poolSize: 1);
        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
            sender.SendAsync(new EmailMessage($"nobody@{MailServer.RefusedDomain}", "Hello", "Hi"), CancellationToken.None));
        Assert.True(failure.Permanent);
        Assert.Equal("550", failure.ProviderCode);

        var to = UniqueEmail();
        await sender.SendAsync(new EmailMessage(to, "Still works", "Yes"), CancellationToken.None);
        Assert.Equal("Still works", (await smtp.WaitForMailAsync(to)).Subject);
    }

    [Fact]
    public async Task ServerThatIsDown_IsATransientFailure()
    {
        await using var sender = Sender(port: FreePort.Next());
        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
            sender.SendAsync(new EmailMessage(UniqueEmail(), "Hello", "Hi"), CancellationToken.None));
        Assert.False(failure.Permanent);
        Assert.Equal("socket:ConnectionRefused", failure.ProviderCode);
    }

    [Fact]
    public async Task ConnectionTheServerDropped_IsReplaced_WithoutFailingTheNextMail()
    {
        await using var sender = Sender(poolSize: 1);
        var to = UniqueEmail();
        await sender.SendAsync(new EmailMessage(to, "Before", "1"), CancellationToken.None);
        await smtp.WaitForMailAsync(to);

        await smtp.RestartAsync(); // the pooled connection is now dead, and the client does not know yet

        await sender.SendAsync(new EmailMessage(to, "After", "2"), CancellationToken.None);
        Assert.Equal("After", (await smtp.WaitForMailAsync(to, 2)).Subject);
    }

    [Fact]
    public async Task ManyMailsAtOnce_ShareThePool_AndEachArrivesOnce()
    {
        await using var sender = Sender(poolSize: 3);
        var to = UniqueEmail();
        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => sender.SendAsync(new EmailMessage(to, $"Mail {i}", $"Body {i}"), CancellationToken.None)));

        await smtp.WaitForMailAsync(to, 40);
        var received = smtp.MailTo(to);
        Assert.Equal(40, received.Count);
        Assert.Equal(ids.Order(), received.Select(m => m.Message.MessageId).Order());
        Assert.Equal(40, received.Select(m => m.Subject).Distinct().Count());
    }

    private SmtpEmailSender Sender(int poolSize = 2, int? port = null) => new(
        Options.Create(new EmailOptions { SmtpHost = "127.0.0.1", SmtpPort = port ?? smtp.Port, From = "Acme Portal <portal@example.com>", PoolSize = poolSize, TimeoutSeconds = 10 }),
        NullLogger<SmtpEmailSender>.Instance);

    private static string[] Lines(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static string UniqueEmail() => $"mail-{Guid.NewGuid():N}@example.com";
}
