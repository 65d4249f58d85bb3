using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansPortal.Fakes;
using OrleansPortal.Testing;
using OrleansPortal.Web.Notifications;
using OrleansPortal.Web.Notifications.Sms;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Tests.Infrastructure;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace OrleansPortal.Web.Tests.Notifications.Sms;

/// <summary>The SMS sender as the app registers it (the Twilio SDK over its HTTP client), against the fake Twilio.</summary>
public sealed class TwilioSmsSenderTests : IAsyncLifetime
{
    private const string From = "+15005550006";
    private const string Customer = "+351912345678";

    // Nothing listens there: the fake's status callbacks fail at once, on loopback.
    private readonly string _publicBaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
    private FakeTwilio _twilio = null!;

    public async Task InitializeAsync() => _twilio = await FakeTwilio.StartAsync();

    public async Task DisposeAsync() => await _twilio.DisposeAsync();

    [Fact]
    public async Task AMessage_ReachesTwilio_WithItsFieldsAndTheAccountsCredentials_AndTheSidIsTwilios()
    {
        await using var services = Services();

        var sid = await services.GetRequiredService<ISmsSender>().SendAsync(Customer, "Olá! O técnico está a caminho.", CancellationToken.None);

        var sent = Assert.Single(_twilio.Messages); // accepted: the fake refuses a wrong or missing basic auth
        Assert.Equal(
            (sid, _twilio.AccountSid, Customer, (string?)From, (string?)null, "Olá! O técnico está a caminho.", $"{_publicBaseUrl}/api/v1/notifications/sms/status"),
            (sent.Sid, sent.AccountSid, sent.To, sent.From, sent.MessagingServiceSid, sent.Body, sent.StatusCallback?.ToString()));
        Assert.Matches("^SM[0-9a-f]{32}$", sid);
    }

    [Fact]
    public async Task ASentMessage_CanBeFetched_AndFoundByRecipientAndDay_ThroughTheSdk()
    {
        await using var services = Services();
        var sid = await services.GetRequiredService<ISmsSender>().SendAsync(Customer, "Reminder: tomorrow 9-11.", CancellationToken.None);
        await services.GetRequiredService<ISmsSender>().SendAsync("+351934567890", "Someone else's.", CancellationToken.None);
        await _twilio.WaitForCallbacksAsync(TimeSpan.FromSeconds(20));
        // What the outbox does after a crash: ask Twilio what became of a message, or find it by recipient and day.
        var twilio = new TwilioRestClient(_twilio.AccountSid, _twilio.AuthToken, _twilio.AccountSid, null, services.GetRequiredService<TwilioHttpClient>(), null);

        var fetched = await MessageResource.FetchAsync(sid, client: twilio);
        var today = await MessageResource.ReadAsync(new ReadMessageOptions { To = new PhoneNumber(Customer), DateSent = DateTime.UtcNow.Date }, twilio);
        var yesterday = await MessageResource.ReadAsync(new ReadMessageOptions { To = new PhoneNumber(Customer), DateSent = DateTime.UtcNow.Date.AddDays(-1) }, twilio);

        Assert.Equal((sid, Customer, "Reminder: tomorrow 9-11."), (fetched.Sid, fetched.To, fetched.Body));
        Assert.Equal(MessageResource.StatusEnum.Delivered, fetched.Status);
        Assert.Equal([sid], today.Select(m => m.Sid));
        Assert.Empty(yesterday);
    }

    [Fact]
    public async Task AMessagingService_SendsInsteadOfTheNumber()
    {
        var service = "MG" + new string('a', 32);
        await using var services = Services(("Sms:MessagingServiceSid", service));
        var sender = services.GetRequiredService<ISmsSender>();

        await sender.SendAsync(Customer, "Reminder: tomorrow 9-11.", CancellationToken.None);

        var sent = Assert.Single(_twilio.Messages);
        Assert.Equal(((string?)null, (string?)service), (sent.From, sent.MessagingServiceSid));
        Assert.Equal(service, sender.SenderId); // opt-outs are kept against the service
    }

    [Fact]
    public async Task WrongCredentials_FailTransiently_WithTwilios20003_AndSendNothing()
    {
        await using var services = Services(("Sms:AuthToken", "not-the-token"));

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => services.GetRequiredService<ISmsSender>().SendAsync(Customer, "Hello", CancellationToken.None));

        Assert.Equal((false, "20003"), (failure.Permanent, failure.ProviderCode)); // the operator fixes the token; the message is kept
        Assert.Empty(_twilio.Messages);
    }

    [Theory]
    [InlineData(FakeTwilio.InvalidNumber, "21211")]
    [InlineData(FakeTwilio.NotMobileNumber, "21614")]
    public async Task ANumberTwilioRefuses_FailsForGood_WithTwiliosCode(string to, string code)
    {
        await using var services = Services();

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => services.GetRequiredService<ISmsSender>().SendAsync(to, "Hello", CancellationToken.None));

        Assert.Equal((true, code), (failure.Permanent, failure.ProviderCode));
        Assert.DoesNotContain(to, failure.Message); // the delivery log and the logs get no phone number
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "20429")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "20500")]
    public async Task TooManyRequestsOrAnOutage_FailTransiently_AndTheNextTryGoesThrough(HttpStatusCode status, string code)
    {
        await using var services = Services();
        var sender = services.GetRequiredService<ISmsSender>();
        _twilio.FailNextRequests(1, status);

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => sender.SendAsync(Customer, "Hello", CancellationToken.None));
        var sid = await sender.SendAsync(Customer, "Hello", CancellationToken.None);

        Assert.Equal((false, code), (failure.Permanent, failure.ProviderCode));
        Assert.Equal(sid, Assert.Single(_twilio.Messages).Sid);
    }

    [Fact]
    public async Task TwilioOutOfReach_FailsTransiently_WithoutACode()
    {
        await using var services = Services(("Sms:ApiBaseUrl", $"http://127.0.0.1:{FreePort.Next()}"));

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => services.GetRequiredService<ISmsSender>().SendAsync(Customer, "Hello", CancellationToken.None));

        Assert.Equal((false, (string?)null), (failure.Permanent, failure.ProviderCode));
    }

    [Fact]
    public async Task WithoutAnAccount_NothingIsSent_AndEachMessageFailsForGood()
    {
        await using var services = Services(("Sms:AccountSid", ""));

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => services.GetRequiredService<ISmsSender>().SendAsync(Customer, "Hello", CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.Empty(_twilio.Messages);
    }

    /// <summary>The SMS services as the app registers them, on the fake, with <paramref name="overrides"/>.</summary>
    private ServiceProvider Services(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sms:AccountSid"] = _twilio.AccountSid,
            ["Sms:AuthToken"] = _twilio.AuthToken,
            ["Sms:From"] = From,
            ["Sms:ApiBaseUrl"] = _twilio.BaseUrl.ToString(),
            ["Sms:PublicBaseUrl"] = _publicBaseUrl,
        };
        foreach (var (key, value) in overrides) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(Environments.Production)); // as deployed: no texts logged instead of sent
        services.AddSms(configuration);
        services.Configure<PortalOptions>(_ => { });
        return services.BuildServiceProvider();
    }
}
