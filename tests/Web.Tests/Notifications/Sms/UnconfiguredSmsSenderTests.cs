using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansPortal.Web.Notifications;
using OrleansPortal.Web.Notifications.Sms;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications.Sms;

/// <summary>Without a Twilio account: Development shows the text in the log; anywhere else it fails for good, never "sent".</summary>
public sealed class UnconfiguredSmsSenderTests
{
    private static UnconfiguredSmsSender Sender(string environment) => new(new TestHostEnvironment(environment), NullLogger<UnconfiguredSmsSender>.Instance);

    [Fact]
    public async Task InProduction_ATextFailsPermanently_NamingTheSettings()
    {
        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => Sender(Environments.Production).SendAsync("+351912000300", "On my way", CancellationToken.None));
        Assert.True(failure.Permanent);
        Assert.Contains("Sms:AccountSid", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopment_TheTextIsLogged_WithAnIdOfItsOwn()
    {
        var sender = Sender(Environments.Development);
        var first = await sender.SendAsync("+351912000300", "On my way", CancellationToken.None);
        var second = await sender.SendAsync("+351912000300", "On my way", CancellationToken.None);
        Assert.StartsWith("logged-", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Null(sender.SenderId); // no sender: STOP opt-outs cannot be recorded against it
    }
}
