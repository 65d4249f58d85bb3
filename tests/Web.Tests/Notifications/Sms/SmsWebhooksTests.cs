using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Fakes;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.OptOuts;
using OrleansPortal.Web.Notifications;
using OrleansPortal.Web.Notifications.Sms;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications.Sms;

/// <summary>Twilio's webhooks into the app: status callbacks and inbound texts, believed only when signed.</summary>
public sealed class SmsWebhooksTests(SmsApp sms) : IClassFixture<SmsApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private IOptOutStore OptOuts => sms.App.Services.GetRequiredService<IOptOutStore>();

    [Fact]
    public async Task StatusCallbacks_SignedByTwilio_AreRecorded_SentThenDelivered()
    {
        var sid = await sms.Sender.SendAsync(NewCustomer(), "Your technician is on the way.", CancellationToken.None);
        await sms.Twilio.WaitForCallbacksAsync(Patience);

        Assert.Equal([("sent", null), ("delivered", null)], sms.Webhooks.ReportsFor(sid));
        Assert.All(sms.Twilio.CallbackReplies.Where(r => r.Url.AbsolutePath == SmsWebhooksApi.StatusPath), r => Assert.Equal(HttpStatusCode.NoContent, r.Status));
    }

    [Fact]
    public async Task AnUndeliveredMessage_IsReported_WithTwiliosErrorCode()
    {
        var sid = await sms.Sender.SendAsync(FakeTwilio.UndeliveredNumber, "Your technician is on the way.", CancellationToken.None);
        await sms.Twilio.WaitForCallbacksAsync(Patience);

        Assert.Equal([("sent", null), ("undelivered", "30003")], sms.Webhooks.ReportsFor(sid));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("wrong token")]
    [InlineData("the request's own host")] // what the app sees behind a proxy is not what Twilio signed
    [InlineData("another form")]
    public async Task AStatusCallback_NotSignedByTwilio_Is403_AndRecordsNothing(string signature)
    {
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var fields = new Dictionary<string, string> { ["MessageSid"] = sid, ["MessageStatus"] = "delivered", ["AccountSid"] = sms.Twilio.AccountSid };
        var publicUrl = SmsApp.PublicBaseUrl + SmsWebhooksApi.StatusPath;
        var header = signature switch
        {
            "wrong token" => FakeTwilioSignature.Compute("not-the-token", publicUrl, fields),
            "the request's own host" => FakeTwilioSignature.Compute(sms.Twilio.AuthToken, "http://localhost" + SmsWebhooksApi.StatusPath, fields),
            "another form" => FakeTwilioSignature.Compute(sms.Twilio.AuthToken, publicUrl, new Dictionary<string, string>(fields) { ["MessageStatus"] = "failed" }),
            _ => null,
        };

        using var response = await PostAsync(SmsWebhooksApi.StatusPath, fields, header);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(sms.Webhooks.ReportsFor(sid));
    }

    [Fact]
    public async Task AStatusCallback_SignedButMalformed_Is400_NotAFailure()
    {
        var fields = new Dictionary<string, string> { ["MessageSid"] = "not-a-sid", ["MessageStatus"] = "delivered" };
        var header = FakeTwilioSignature.Compute(sms.Twilio.AuthToken, SmsApp.PublicBaseUrl + SmsWebhooksApi.StatusPath, fields);

        using var response = await PostAsync(SmsWebhooksApi.StatusPath, fields, header);

        await ValidationProblems.AssertNamesFieldAsync(response, "MessageSid");
    }

    [Fact]
    public async Task Stop_OptsTheCustomerOut_SoTheStoreRefusesTheNextSend_AndStartOptsThemBackIn()
    {
        var customer = NewCustomer();
        var sender = sms.Sender.SenderId!;
        Assert.Equal(SmsApp.OurNumber, sender);

        var stop = await sms.Twilio.SendInboundAsync(customer, SmsApp.OurNumber, "  stop ");

        Assert.Equal((HttpStatusCode.OK, false), (stop.Status, HasReply(stop)));
        Assert.True(await OptOuts.IsOptedOutAsync(NotificationChannel.Sms, customer, sender));
        // Twilio blocks it too: a send that ignored the store would fail for good.
        var refused = await Assert.ThrowsAsync<DeliveryFailedException>(() => sms.Sender.SendAsync(customer, "Reminder", CancellationToken.None));
        Assert.Equal((true, "21610"), (refused.Permanent, refused.ProviderCode));

        var start = await sms.Twilio.SendInboundAsync(customer, SmsApp.OurNumber, "Start");

        Assert.Equal((HttpStatusCode.OK, false), (start.Status, HasReply(start)));
        Assert.False(await OptOuts.IsOptedOutAsync(NotificationChannel.Sms, customer, sender));
        await sms.Sender.SendAsync(customer, "Reminder", CancellationToken.None);
        var history = await OptOuts.HistoryAsync(NotificationChannel.Sms, customer, 10);
        Assert.Equal([(false, OptOutSources.SmsStart), (true, OptOutSources.SmsStop)], history.Select(h => (h.OptedOut, h.Source)));
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData(" info")]
    public async Task Help_IsAnsweredWithTheHelpText_InTwiML(string body)
    {
        var reply = await sms.Twilio.SendInboundAsync(NewCustomer(), SmsApp.OurNumber, body);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var message = Assert.Single(XDocument.Parse(reply.Body).Root!.Elements("Message"));
        Assert.Equal(SmsApp.HelpText, message.Value); // "&" and "<" escaped on the way, read back whole
    }

    [Fact]
    public async Task AnyOtherText_GetsNoReply_AndIsHandedOn()
    {
        var customer = NewCustomer();

        var reply = await sms.Twilio.SendInboundAsync(customer, SmsApp.OurNumber, "Can the technician come after 3pm? STOP by the gate.");

        Assert.Equal((HttpStatusCode.OK, false), (reply.Status, HasReply(reply)));
        var handed = Assert.Single(sms.Webhooks.Inbound, m => m.From == customer);
        Assert.Equal((SmsApp.OurNumber, "Can the technician come after 3pm? STOP by the gate."), (handed.To, handed.Body));
        Assert.False(await OptOuts.IsOptedOutAsync(NotificationChannel.Sms, customer, SmsApp.OurNumber));
    }

    [Fact]
    public async Task AnUnsignedStop_Is403_AndOptsNobodyOut()
    {
        var customer = NewCustomer();

        using var response = await PostAsync(SmsWebhooksApi.InboundPath, new() { ["From"] = customer, ["To"] = SmsApp.OurNumber, ["Body"] = "STOP" }, null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await OptOuts.IsOptedOutAsync(NotificationChannel.Sms, customer, SmsApp.OurNumber));
        Assert.Empty(await OptOuts.HistoryAsync(NotificationChannel.Sms, customer, 10));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (signature is not null) request.Headers.Add(TwilioSignature.Header, signature);
        return await sms.App.CreateClient().SendAsync(request);
    }

    private static bool HasReply(FakeWebhookReply reply) => XDocument.Parse(reply.Body).Root!.HasElements;

    private static string NewCustomer() => "+3519" + Random.Shared.NextInt64(10_000_000, 99_999_999);
}
