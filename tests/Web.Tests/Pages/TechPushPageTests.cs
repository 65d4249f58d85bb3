using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrleansPortal.Fakes;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Notifications.Outbox;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Notifications.WebPush;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// Job alerts on the /tech/ page. Chromium here reaches no push service (PushManager.subscribe fails offline), so the
/// page's PushManager is STUBBED: its subscribe answers a subscription the fake push service made, as a browser does
/// after asking its push service. The rest is real: the permission (granted to the context), the service worker the page
/// registers from /tech/push-worker.js, the subscription posted to the app, a push sent to it through the app's channel
/// and decrypted by the fake, and the worker showing a push that Chromium's DevTools protocol delivers to it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TechPushPageTests(BrowserFixture browser) : FakePushTest
{
    // Replaces subscribe/getSubscription on PushManager's prototype (so on the real registration's pushManager too),
    // and counts permission requests, to show the page asks only when the button is pressed.
    private const string StubbedPushManager = """
        (subscription) => {
          const state = { permissionRequests: 0, subscribedWith: null, unsubscribed: 0, current: null };
          window.__push = state;
          const request = Notification.requestPermission.bind(Notification);
          Notification.requestPermission = (...args) => { state.permissionRequests++; return request(...args); };
          const bytes = key => {
            if (typeof key !== "string") return key;
            const text = atob(key.replace(/-/g, "+").replace(/_/g, "/"));
            return Uint8Array.from(text, c => c.charCodeAt(0)).buffer;
          };
          PushManager.prototype.subscribe = async function (options) {
            state.subscribedWith = options.applicationServerKey;
            state.current = {
              endpoint: subscription.endpoint,
              expirationTime: null,
              options: { userVisibleOnly: options.userVisibleOnly, applicationServerKey: bytes(options.applicationServerKey) },
              getKey: () => null,
              toJSON: () => ({ endpoint: subscription.endpoint, expirationTime: null, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }),
              unsubscribe: async () => { state.unsubscribed++; state.current = null; return true; },
            };
            return state.current;
          };
          PushManager.prototype.getSubscription = async function () { return state.current; };
        }
        """;

    [Fact]
    public async Task TurningOnJobAlerts_AsksOnlyOnThePress_PostsTheSubscription_AndAPushReachesIt()
    {
        var (address, company, tech, device) = await TechnicianOnLoopbackAsync();
        var phone = PushScenario.Phone(App, device.Token);
        var key = (await PushScenario.SettingsAsync(phone)).ApplicationServerKey;
        var subscription = Push.Subscribe(key);
        var (context, page) = await OpenAsync(address, device.Token, subscription);
        await using var _ = context;
        var problems = new PageProblems(page);
        var card = page.GetByRole(AriaRole.Region, new() { Name = "Job alerts" });
        var turnOn = card.GetByRole(AriaRole.Button, new() { Name = "Turn on job alerts" });

        await Assertions.Expect(turnOn).ToBeVisibleAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("window.__push.permissionRequests")); // never on load
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(turnOn, card, "Turn on job alerts");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "tech-push-off");

        await turnOn.ClickAsync();

        await Assertions.Expect(card.GetByText("On for this phone.")).ToBeVisibleAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__push.permissionRequests"));
        Assert.Equal(key, await page.EvaluateAsync<string>("window.__push.subscribedWith"));
        var worker = await page.EvaluateAsync<string[]>("navigator.serviceWorker.getRegistration('/tech/').then(r => [r.scope, (r.active || r.installing || r.waiting).scriptURL])");
        Assert.Equal([new Uri(address, "/tech/").ToString(), new Uri(address, "/tech/push-worker.js").ToString()], worker);
        var stored = Assert.Single((await PushScenario.SettingsAsync(phone)).Subscriptions);
        Assert.True(stored.ThisDevice);

        await App.Services.GetServices<IMessageChannel>().Single(c => c.Channel == NotificationChannel.Push).SendAsync(JobMessage(company.TenantId, tech.Id), CancellationToken.None);
        using (var payload = JsonDocument.Parse(Assert.Single(Push.Messages).Plaintext))
            Assert.Equal("New job: Burst main", payload.RootElement.GetProperty("title").GetString());

        var turnOff = card.GetByRole(AriaRole.Button, new() { Name = "Turn off on this phone" });
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(turnOff, card, "Turn off on this phone");
        await WhatAPersonSees.ScreenshotAsync(page, "tech-push-on");
        await turnOff.ClickAsync();

        await Assertions.Expect(turnOn).ToBeVisibleAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__push.unsubscribed"));
        Assert.Empty((await PushScenario.SettingsAsync(phone)).Subscriptions);
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task TheServiceWorker_ShowsAPush_WithItsTitleBodyAndTheJobsTag()
    {
        var (address, _, _, device) = await TechnicianOnLoopbackAsync();
        var (context, page) = await OpenAsync(address, device.Token, Push.Subscribe(null));
        await using var _ = context;
        var registrations = new List<JsonElement>();
        var cdp = await context.NewCDPSessionAsync(page);
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) => { lock (registrations) if (e is { } found) registrations.Add(found.Clone()); };
        await cdp.SendAsync("ServiceWorker.enable");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on job alerts" }).ClickAsync();
        await Assertions.Expect(page.GetByText("On for this phone.")).ToBeVisibleAsync();
        await page.EvaluateAsync("navigator.serviceWorker.ready");

        string? registrationId = null;
        await Eventually.TrueAsync(() =>
        {
            lock (registrations)
                registrationId = registrations.SelectMany(r => r.GetProperty("registrations").EnumerateArray())
                    .Where(r => r.GetProperty("scopeURL").GetString()!.EndsWith("/tech/", StringComparison.Ordinal) && !r.GetProperty("isDeleted").GetBoolean())
                    .Select(r => r.GetProperty("registrationId").GetString()).LastOrDefault();
            return Task.FromResult(registrationId is not null);
        }, "DevTools reports the page's service worker");
        var data = JsonSerializer.Serialize(new { title = "Emergency: Burst main", body = "Rua Nova 1 (Smith household).", tag = "job-42", url = "/tech/", urgent = true });
        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new() { ["origin"] = address.GetLeftPart(UriPartial.Authority), ["registrationId"] = registrationId!, ["data"] = data });

        string[]? shown = null;
        await Eventually.TrueAsync(async () =>
        {
            shown = await page.EvaluateAsync<string[]>(
                "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(n => n.length ? [n[0].title, n[0].body, n[0].tag, String(n[0].requireInteraction)] : null)");
            return shown is not null;
        }, "the worker shows the push");
        Assert.Equal(["Emergency: Burst main", "Rua Nova 1 (Smith household).", "job-42", "true"], shown!);
    }

    private async Task<(Uri Address, TenantScenario Company, Web.Technicians.TechnicianDto Technician, Web.Admin.IssuedDeviceToken Device)> TechnicianOnLoopbackAsync()
    {
        var address = App.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(App);
        var tech = await company.AddTechnicianAsync();
        return (address, company, tech, await company.IssueTokenAsync(tech.Id));
    }

    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(Uri address, string token, FakePushSubscription subscription)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = address.ToString(),
            Permissions = ["notifications"],
            ViewportSize = WhatAPersonSees.Phone,
        });
        await context.AddInitScriptAsync($"({StubbedPushManager})({JsonSerializer.Serialize(new { endpoint = subscription.Endpoint.ToString(), p256dh = subscription.P256dh, auth = subscription.Auth })})");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/tech/?token={token}");
        return (context, page);
    }

    private static OutboxMessage JobMessage(string tenantId, string technicianId)
    {
        var now = DateTimeOffset.UtcNow;
        return new OutboxMessage(1, new OutgoingMessage(tenantId, $"Push:TechnicianAssigned:t1:{technicianId}", NotificationTrigger.TechnicianAssigned, NotificationChannel.Push,
            technicianId, null, null, "t1", "en", "New job: Burst main", "Today 10:00-12:00", null, Urgent: true, Marketing: false, now), OutboxStatus.Sending, 1, false, null, null, now, now, null);
    }
}
