using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Notifications.Sms;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications.Sms;

/// <summary>
/// The app sending through the fake Twilio, and the fake posting its webhooks back into the app. The app's public address
/// (<see cref="PublicBaseUrl"/>) is not the test server's own host, as behind a proxy: webhooks are signed for the
/// public one.
/// </summary>
public sealed class SmsApp : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://portal.example.test";

    /// <summary>Our sending number.</summary>
    public const string OurNumber = "+15005550006";

    /// <summary>The reply to HELP, with characters XML must escape.</summary>
    public const string HelpText = "Acme Irrigation & Sons <help@acme.example>: reply STOP to stop, START to resume.";

    public PortalFactory App { get; } = new();

    public FakeTwilio Twilio { get; private set; } = null!;

    public RecordingSmsWebhooks Webhooks { get; } = new();

    public ISmsSender Sender => App.Services.GetRequiredService<ISmsSender>();

    public async Task InitializeAsync()
    {
        Twilio = await FakeTwilio.StartAsync();
        App.Settings["Sms:AccountSid"] = Twilio.AccountSid;
        App.Settings["Sms:AuthToken"] = Twilio.AuthToken;
        App.Settings["Sms:From"] = OurNumber;
        App.Settings["Sms:ApiBaseUrl"] = Twilio.BaseUrl.ToString();
        App.Settings["Sms:PublicBaseUrl"] = PublicBaseUrl;
        App.Settings["Sms:HelpText"] = HelpText;
        App.TestServices = services => services
            .AddSingleton<ISmsDeliveryReports>(Webhooks)
            .AddSingleton<IInboundSmsHandler>(Webhooks);
        Twilio.PostWebhooksThrough(App.Server.CreateHandler());
        Twilio.InboundUrl = new Uri(PublicBaseUrl + SmsWebhooksApi.InboundPath);
    }

    public async Task DisposeAsync()
    {
        await Twilio.DisposeAsync();
        App.Dispose();
    }
}
