using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Fakes;
using OrleansPortal.Testing;
using OrleansPortal.Web.Payments;
using OrleansPortal.Web.Payments.Stripe;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>An app taking payments through the fake Stripe, and the fake's webhooks posted back into the app.</summary>
public static class StripeSetup
{
    /// <summary>A new app taking payments through <paramref name="stripe"/>, not started yet.</summary>
    public static PortalFactory NewApp(FakeStripe stripe)
    {
        var app = new PortalFactory();
        Configure(app, stripe);
        return app;
    }

    /// <summary>Opens a checkout for <paramref name="invoiceIds"/> as <paramref name="contact"/> (a payer); fails the test otherwise.</summary>
    public static async Task<CheckoutDto> CheckoutAsync(HttpClient contact, params string[] invoiceIds)
    {
        using var response = await contact.PostAsJsonAsync("/api/v1/portal/payments/checkout", new { invoiceIds });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CheckoutDto>(ApiJson.Options))!;
    }

    /// <summary>Points <paramref name="app"/> at <paramref name="stripe"/>; call before the app starts.</summary>
    public static void Configure(PortalFactory app, FakeStripe stripe)
    {
        app.Settings["Payments:Stripe:SecretKey"] = stripe.SecretKey;
        app.Settings["Payments:Stripe:WebhookSecret"] = stripe.WebhookSecret;
        app.Settings["Payments:Stripe:ApiBase"] = stripe.BaseUrl.ToString();
    }

    /// <summary>
    /// Starts <paramref name="app"/> on a loopback port for a browser, knowing its own address (Stripe's pages send the
    /// browser back to it), taking payments through <paramref name="stripe"/>, whose webhooks reach it over the network.
    /// </summary>
    public static Uri StartOnLoopback(PortalFactory app, FakeStripe stripe)
    {
        var port = FreePort.Next();
        app.Settings["Portal:PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        Configure(app, stripe);
        var address = app.StartOnLoopback(port);
        stripe.WebhookUrl = new Uri(address, StripeWebhookApi.Path);
        return address;
    }

    /// <summary>Once the app runs in memory: the fake posts its events through the test server.</summary>
    public static void DeliverInMemory(PortalFactory app, FakeStripe stripe)
    {
        stripe.PostWebhooksThrough(app.Server.CreateHandler());
        stripe.WebhookUrl = new Uri("http://localhost" + StripeWebhookApi.Path);
    }

    /// <summary>Pays a checkout the way its page's form posts, where the browser itself is not what the test is about.</summary>
    public static async Task PayAsync(string checkoutUrl, string card = FakeStripe.SucceedingCard)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await http.PostAsync(checkoutUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["card_number"] = card, ["card_expiry"] = "12 / 34", ["card_cvc"] = "123",
        }));
        var declined = card == FakeStripe.DecliningCard;
        Assert.True(declined || response.StatusCode == HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
    }
}
