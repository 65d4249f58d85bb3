using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Notifications.Composer;
using OrleansPortal.Web.Notifications.Templates;
using OrleansPortal.Web.Notifications.Unsubscribe;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications.Marketing;

/// <summary>
/// Marketing from the composer and its one-click unsubscribe (RFC 8058), through the whole app: the outbox, the rules,
/// MailKit to the real SMTP server, and the unsubscribe endpoint posted exactly as a mail provider posts it.
/// </summary>
public sealed class MarketingMessagesTests(MailServer smtp) : IClassFixture<MailServer>
{
    [Fact]
    public async Task AMarketingMail_CarriesOneClickUnsubscribe_WhosePostStopsTheNextMarketing_ButNotServiceMessages()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app, MarketingScenario.PublicBaseUrl);
        var s = await MarketingScenario.CreateAsync(app);
        await s.SetMarketingInPortalAsync(on: true);

        Assert.Equal("Sent", (await s.SettledAsync(await s.SendEmailAsync("Spring offer: 20% off a sprinkler check.", marketing: true))).Status);
        var mail = await smtp.WaitForMailAsync(s.Contact.Email);
        var path = MarketingScenario.PathOfHeader(mail.Message.Headers["List-Unsubscribe"] ?? "");
        Assert.Equal("List-Unsubscribe=One-Click", mail.Message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains($"href=\"{MarketingScenario.PublicBaseUrl}/u/", mail.Message.HtmlBody, StringComparison.Ordinal); // the footer's link too

        var before = DateTimeOffset.UtcNow;
        var posted = await s.OneClickAsync(path);
        var again = await s.OneClickAsync(path);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // idempotent
        Assert.Null(posted.Headers.Location);
        var changes = await s.OptOutsAsync();
        Assert.Equal(["link", "portal"], changes.Select(c => c.Source)); // the opt-in from the portal, then the link's opt-out: asked twice, recorded once
        var optOut = changes[0];
        Assert.Equal((s.Contact.Id, "Email", s.Contact.Email, true, "marketing", "link"), (optOut.ContactId, optOut.Channel, optOut.Address, optOut.OptedOut, optOut.Scope, optOut.Source));
        Assert.InRange(optOut.At, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.False((await s.PortalPreferencesAsync()).Email.Marketing); // the portal shows what the link did

        var next = await s.SettledAsync(await s.SendEmailAsync("Summer offer: a free rain sensor.", marketing: true));
        Assert.Equal("Suppressed", next.Status);
        Assert.Contains(await s.DeliveryLogAsync(next.Id), step => step.Status == "suppressed" && step.Detail == "unsubscribed from marketing");

        Assert.Equal("Sent", (await s.SettledAsync(await s.SendEmailAsync("We will bring the new valve on Tuesday.", marketing: false))).Status);
        var service = await smtp.WaitForMailAsync(s.Contact.Email, count: 2);
        Assert.Contains("We will bring the new valve on Tuesday.", service.Body, StringComparison.Ordinal);
        Assert.False(service.Message.Headers.Contains("List-Unsubscribe"), "a service mail has no unsubscribe header");
        Assert.False(service.Message.Headers.Contains("List-Unsubscribe-Post"), "a service mail has no one-click header");
        Assert.DoesNotContain("/u/", service.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(2, smtp.MailTo(s.Contact.Email).Count); // the suppressed one never went
    }

    [Fact]
    public async Task AContactWhoNeverOptedIn_GetsNoMarketing_AndTheLogSaysWhy()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app, MarketingScenario.PublicBaseUrl);
        var s = await MarketingScenario.CreateAsync(app);

        var message = await s.SettledAsync(await s.SendEmailAsync("Spring offer: 20% off a sprinkler check.", marketing: true));
        Assert.Equal("Sent", (await s.SettledAsync(await s.SendEmailAsync("Your visit is on Tuesday.", marketing: false))).Status);

        Assert.Equal("Suppressed", message.Status);
        Assert.Contains(await s.DeliveryLogAsync(message.Id), step => step.Detail == "no opt-in to marketing");
        var mail = Assert.Single(smtp.MailTo(s.Contact.Email)); // only the service message, sent after it
        Assert.Contains("Your visit is on Tuesday.", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForgedOrAlteredToken_IsNotFound_AndOpeningTheLink_UnsubscribesNobody()
    {
        using var app = new PortalFactory { Settings = { ["Portal:PublicBaseUrl"] = MarketingScenario.PublicBaseUrl } };
        var s = await MarketingScenario.CreateAsync(app);
        await s.SetMarketingInPortalAsync(on: true);
        var token = s.IssueToken();
        var altered = token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];
        var client = s.Anonymous();

        foreach (var bad in new[] { altered, "CfDJ8" + new string('x', 120), "not-a-token" })
        {
            var oneClick = await s.OneClickAsync($"/u/{bad}");
            Assert.Equal(HttpStatusCode.NotFound, oneClick.StatusCode);
            Assert.Equal("application/problem+json", oneClick.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/unsubscribe/{bad}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/unsubscribe/{bad}", null)).StatusCode);
        }

        var page = await client.GetAsync($"/u/{token}");
        var described = await client.GetFromJsonAsync<UnsubscribeDto>($"/api/v1/unsubscribe/{token}", ApiJson.Options);
        var notOneClick = await client.PostAsync($"/u/{token}", new FormUrlEncodedContent([new("List-Unsubscribe", "Yes")]));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("Acme Irrigation", "Email", s.Contact.Email, true), (described!.CompanyName, described.Channel, described.Address, described.Subscribed));
        Assert.Equal(HttpStatusCode.BadRequest, notOneClick.StatusCode);
        Assert.DoesNotContain(await s.OptOutsAsync(), c => c.OptedOut); // only the portal's opt-in
        Assert.True((await s.PortalPreferencesAsync()).Email.Marketing);
    }

    [Fact]
    public async Task TheOneClickPost_IsAlsoTakenAsMultipart_AsRfc8058Recommends()
    {
        using var app = new PortalFactory { Settings = { ["Portal:PublicBaseUrl"] = MarketingScenario.PublicBaseUrl } };
        var s = await MarketingScenario.CreateAsync(app);
        await s.SetMarketingInPortalAsync(on: true);
        var token = s.IssueToken();

        var response = await s.Anonymous().PostAsync($"/u/{token}", new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var latest = (await s.OptOutsAsync())[0];
        Assert.Equal((true, "link"), (latest.OptedOut, latest.Source));
        Assert.False((await s.PortalPreferencesAsync()).Email.Marketing);
    }

    [Fact]
    public async Task AMarketingText_EndsWithTheStopHint_InTheContactsLanguage_AndMarketingIsRefusedInApp()
    {
        using var app = new PortalFactory();
        var s = await MarketingScenario.CreateAsync(app);
        var phone = await s.Company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{s.Customer.Id}/contacts",
            new { name = "João Smith", email = $"joao-{Guid.NewGuid():N}@example.test", phone = "+351 912 345 678", role = "Owner", grantedPropertyIds = Array.Empty<string>() });
        var joao = (await phone.Content.ReadFromJsonAsync<OrleansPortal.Web.Customers.ContactDto>(ApiJson.Options))!;
        var preview = $"/api/v1/customers/{s.Customer.Id}/messages/preview";

        async Task<string> TextAsync(object body) =>
            (await (await s.Company.Dispatcher.PostAsJsonAsync(preview, body)).Content.ReadFromJsonAsync<PreviewDto>(ApiJson.Options))!.Text;

        Assert.Equal("Acme Irrigation: Spring offer: 20% off.\nReply STOP to opt out.",
            await TextAsync(new { contactId = joao.Id, channel = "Sms", text = "Spring offer: 20% off.", marketing = true }));
        Assert.Equal("Acme Irrigation: Promoção de primavera.\nResponda STOP para deixar de receber.",
            await TextAsync(new { contactId = joao.Id, channel = "Sms", language = "pt", text = "Promoção de primavera.", marketing = true }));
        Assert.Equal("Acme Irrigation: Spring offer. Text STOP to end these.",
            await TextAsync(new { contactId = joao.Id, channel = "Sms", text = "Spring offer. Text STOP to end these.", marketing = true }));
        Assert.Equal("Acme Irrigation: We will stop by on Tuesday.",
            await TextAsync(new { contactId = joao.Id, channel = "Sms", text = "We will stop by on Tuesday.", marketing = false }));
        await ValidationProblems.AssertNamesFieldAsync(
            await s.Company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{s.Customer.Id}/messages", new { contactId = joao.Id, channel = "InApp", text = "Offer", marketing = true }), "marketing");
        await ValidationProblems.AssertNamesFieldAsync(
            await s.Company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{s.Customer.Id}/messages", new { contactId = joao.Id, channel = "Email", trigger = "EstimateReady", marketing = true }), "marketing");
    }
}
