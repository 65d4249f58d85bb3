using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Notifications.WebPush;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications.WebPush;

/// <summary>
/// The phone's push subscriptions, through the device API: authenticated by the device token, several browsers per
/// technician, each technician seeing and removing only their own, and a subscription that is no real one refused.
/// </summary>
public sealed class PushSubscriptionsApiTests : FakePushTest
{
    private const string Path = "/api/v1/device/push-subscriptions";
    [Fact]
    public async Task WithoutAValidDeviceToken_Every_Call_Is401()
    {
        var anonymous = App.CreateClient();
        var wrong = PushScenario.Phone(App, "not-a-token");
        var body = PushScenario.AsJson(Push.Subscribe(null));

        foreach (var client in new[] { anonymous, wrong })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync(Path, body)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync($"{Path}/{new string('a', 32)}")).StatusCode);
        }
    }

    [Fact]
    public async Task APhone_SubscribesWithTheAppsKey_SeesItsSubscription_AndTurnsItOff()
    {
        var (_, _, phone) = await TechnicianAsync();
        var settings = await PushScenario.SettingsAsync(phone);
        Assert.Equal(65, System.Buffers.Text.Base64Url.DecodeFromChars(settings.ApplicationServerKey).Length);
        Assert.Empty(settings.Subscriptions);

        var (subscription, stored) = await PushScenario.SubscribeAsync(phone, Push);
        var again = await phone.PostAsJsonAsync(Path, PushScenario.AsJson(subscription)); // the page subscribes again on every visit

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var listed = Assert.Single((await PushScenario.SettingsAsync(phone)).Subscriptions);
        Assert.Equal((stored.Id, "push.fake.test", true), (listed.Id, listed.PushService, listed.ThisDevice));
        Assert.DoesNotContain(subscription.Endpoint.ToString(), await phone.GetStringAsync(Path), StringComparison.Ordinal); // the endpoint is a credential

        Assert.Equal(HttpStatusCode.NoContent, (await phone.DeleteAsync($"{Path}/{stored.Id}")).StatusCode);
        Assert.Empty((await PushScenario.SettingsAsync(phone)).Subscriptions);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.DeleteAsync($"{Path}/{stored.Id}")).StatusCode);
    }

    [Fact]
    public async Task ATechnician_NeitherSeesNorRemovesAnothersSubscriptions_InTheirCompanyOrAnother()
    {
        var (company, _, mine) = await TechnicianAsync();
        var colleague = await company.AddTechnicianAsync("Carla Colleague");
        var theirs = PushScenario.Phone(App, (await company.IssueTokenAsync(colleague.Id)).Token);
        var (_, _, stranger) = await TechnicianAsync("Other Company");
        var (_, stored) = await PushScenario.SubscribeAsync(mine, Push);

        foreach (var other in new[] { theirs, stranger })
        {
            Assert.Empty((await PushScenario.SettingsAsync(other)).Subscriptions);
            Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"{Path}/{stored.Id}")).StatusCode);
        }
        Assert.Single((await PushScenario.SettingsAsync(mine)).Subscriptions);
    }

    [Fact]
    public async Task TwoPhonesOfOneTechnician_AreBothListed_EachKnowingWhichIsItself()
    {
        var (company, tech, phone) = await TechnicianAsync();
        var tablet = PushScenario.Phone(App, (await company.IssueTokenAsync(tech, "tablet")).Token);
        var (_, fromPhone) = await PushScenario.SubscribeAsync(phone, Push);
        var (_, fromTablet) = await PushScenario.SubscribeAsync(tablet, Push);

        var seenByTablet = (await PushScenario.SettingsAsync(tablet)).Subscriptions;

        Assert.Equal([(fromPhone.Id, false), (fromTablet.Id, true)], seenByTablet.Select(s => (s.Id, s.ThisDevice)));
    }

    [Theory]
    [InlineData("endpoint", "http://push.example.com/push/1")]           // not https
    [InlineData("endpoint", "https://10.0.0.7/push/1")]                  // an address, not a push service's name
    [InlineData("endpoint", "https://localhost/push/1")]
    [InlineData("endpoint", "http://127.0.0.1:8080/push/1")]
    [InlineData("endpoint", "https://intranet/push/1")]
    [InlineData("endpoint", "push/1")]
    [InlineData("keys.p256dh", "BAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 65 bytes, not a point on the curve
    [InlineData("keys.p256dh", "not base64url!")]
    [InlineData("keys.auth", "c2hvcnQ")]                                  // 5 bytes, not 16
    public async Task ASubscriptionThatIsNoRealOne_Is400NamingTheField_AndNothingIsStored(string field, string value)
    {
        var (_, _, phone) = await TechnicianAsync();
        var real = Push.Subscribe(null);
        var body = new
        {
            endpoint = field == "endpoint" ? value : "https://push.example.com/push/" + real.Id,
            expirationTime = (double?)null,
            keys = new { p256dh = field == "keys.p256dh" ? value : real.P256dh, auth = field == "keys.auth" ? value : real.Auth },
        };

        await ValidationProblems.AssertNamesFieldAsync(await phone.PostAsJsonAsync(Path, body), field);
        Assert.Empty((await PushScenario.SettingsAsync(phone)).Subscriptions);
    }

    [Fact]
    public async Task AMissingBodyOrKeys_Is400_NotAServerError()
    {
        var (_, _, phone) = await TechnicianAsync();

        var noKeys = await phone.PostAsJsonAsync(Path, new { endpoint = "https://push.example.com/push/1" });
        var notJson = await phone.PostAsync(Path, ValidationProblems.Json("{ \"endpoint\": "));

        await ValidationProblems.AssertNamesFieldAsync(noKeys, "keys.p256dh");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    private async Task<(TenantScenario Company, string TechnicianId, HttpClient Phone)> TechnicianAsync(string company = "Acme Irrigation")
    {
        var tenant = await TenantScenario.CreateAsync(App, company);
        var tech = await tenant.AddTechnicianAsync();
        return (tenant, tech.Id, PushScenario.Phone(App, (await tenant.IssueTokenAsync(tech.Id)).Token));
    }
}
