using System.Net.Http.Json;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Notifications.WebPush;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications.WebPush;

/// <summary>
/// A company whose technician's phone subscribes to pushes the way the /tech page does: it asks the app for the key,
/// the (fake) push service makes the subscription, and the page posts it back.
/// </summary>
public static class PushScenario
{
    /// <summary>An app whose pushes go to <paramref name="push"/>.</summary>
    public static PortalFactory App(FakePushService push)
    {
        var app = new PortalFactory();
        app.Settings["Notifications:WebPush:ServiceUrl"] = push.Address.ToString();
        app.Settings["Notifications:WebPush:Subject"] = "mailto:dispatch@example.com";
        return app;
    }

    /// <summary>A client that sends <paramref name="token"/> as the phone does.</summary>
    public static HttpClient Phone(PortalFactory app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public static async Task<PushSettingsDto> SettingsAsync(HttpClient phone) =>
        (await phone.GetFromJsonAsync<PushSettingsDto>("/api/v1/device/push-subscriptions", ApiJson.Options))!;

    /// <summary>Subscribes the phone with a new subscription of <paramref name="push"/>, with the app's key as a browser would; returns both views of it.</summary>
    public static async Task<(FakePushSubscription Subscription, PushDeviceDto Stored)> SubscribeAsync(HttpClient phone, FakePushService push)
    {
        var key = (await SettingsAsync(phone)).ApplicationServerKey;
        var subscription = push.Subscribe(key);
        var response = await phone.PostAsJsonAsync("/api/v1/device/push-subscriptions", AsJson(subscription));
        response.EnsureSuccessStatusCode();
        return (subscription, (await response.Content.ReadFromJsonAsync<PushDeviceDto>(ApiJson.Options))!);
    }

    /// <summary>The subscription as PushSubscription.toJSON() gives it to a page.</summary>
    public static object AsJson(FakePushSubscription subscription) =>
        new { endpoint = subscription.Endpoint.ToString(), expirationTime = (double?)null, keys = new { p256dh = subscription.P256dh, auth = subscription.Auth } };
}
