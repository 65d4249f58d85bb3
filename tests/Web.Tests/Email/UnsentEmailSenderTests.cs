using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansPortal.Web.Email;
using OrleansPortal.Web.Notifications;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Email;

/// <summary>Without a mail server: Development shows the mail in the log; anywhere else the mail fails for good, never "sent".</summary>
public sealed class UnsentEmailSenderTests
{
    private static UnsentEmailSender Sender(string environment) =>
        new(new TestHostEnvironment(environment), Options.Create(new EmailOptions()), NullLogger<UnsentEmailSender>.Instance);

    [Fact]
    public async Task InProduction_AMailWithNoServerFailsPermanently()
    {
        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => Sender(Environments.Production).SendAsync(new EmailMessage("maria@example.com", "Hello", "Text"), CancellationToken.None));
        Assert.True(failure.Permanent);
        Assert.Contains("Email:SmtpHost", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopment_TheMailIsLogged_AndKeepsItsMessageId()
    {
        var id = await Sender(Environments.Development).SendAsync(new EmailMessage("maria@example.com", "Hello", "Text") { MessageId = "abc@orleansportal.notifications" }, CancellationToken.None);
        Assert.Equal("abc@orleansportal.notifications", id);
    }
}
