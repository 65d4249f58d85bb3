using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Notifications.Composer;
using OrleansPortal.Web.Notifications.Timeline;
using OrleansPortal.Web.Notifications.Unsubscribe;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications.Marketing;

/// <summary>
/// A company, one customer and its contact Maria (email only), with what the marketing tests do: Maria opts in from the
/// portal, the team sends through the composer, a mail provider posts the one-click unsubscribe.
/// </summary>
public sealed partial class MarketingScenario
{
    /// <summary>Where the app says it is published: https, as RFC 8058 requires of the unsubscribe URL.</summary>
    public const string PublicBaseUrl = "https://portal.test";

    private MarketingScenario(PortalFactory app, TenantScenario company, CustomerScenario customer, ContactDto contact)
    {
        App = app;
        Company = company;
        Customer = customer;
        Contact = contact;
    }

    public PortalFactory App { get; }

    public TenantScenario Company { get; }

    public CustomerScenario Customer { get; }

    public ContactDto Contact { get; }

    public static async Task<MarketingScenario> CreateAsync(PortalFactory app)
    {
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        var contact = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test");
        return new MarketingScenario(app, company, customer, contact);
    }

    /// <summary>Maria switches marketing by email on (or off) in the portal, as she would on her preferences page.</summary>
    public async Task SetMarketingInPortalAsync(bool on, string? language = null)
    {
        var portal = await Customer.SignInAsync(Contact.Id);
        var channel = new { appointments = true, onMyWay = true, marketing = on };
        (await portal.PutAsJsonAsync("/api/v1/portal/preferences", new { email = channel, sms = new { appointments = true, onMyWay = true, marketing = false }, quietHours = (object?)null, language }))
            .EnsureSuccessStatusCode();
    }

    public async Task<PreferencesDto> PortalPreferencesAsync() =>
        (await (await Customer.SignInAsync(Contact.Id)).GetFromJsonAsync<PreferencesDto>("/api/v1/portal/preferences", ApiJson.Options))!;

    /// <summary>Queues a free-text email to Maria through the composer; answers its id in the timeline.</summary>
    public async Task<string> SendEmailAsync(string text, bool marketing)
    {
        var response = await Company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{Customer.Id}/messages", new { contactId = Contact.Id, channel = "Email", text, marketing });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MessageAcceptedDto>(ApiJson.Options))!.Id;
    }

    /// <summary>The message once the outbox has settled it (sent, suppressed, failed...).</summary>
    public async Task<CommunicationDto> SettledAsync(string id)
    {
        CommunicationDto? found = null;
        await Eventually.TrueAsync(async () =>
        {
            var timeline = await Company.Dispatcher.GetFromJsonAsync<CommunicationDto[]>($"/api/v1/customers/{Customer.Id}/communications", ApiJson.Options);
            found = timeline!.FirstOrDefault(m => m.Id == id && m.Status is not ("Queued" or "Sending"));
            return found is not null;
        }, $"message {id} is settled");
        return found!;
    }

    public async Task<DeliveryStepDto[]> DeliveryLogAsync(string id) =>
        (await Company.Dispatcher.GetFromJsonAsync<DeliveryStepDto[]>($"/api/v1/customers/{Customer.Id}/communications/{id}/deliveries", ApiJson.Options))!;

    public async Task<OptOutDto[]> OptOutsAsync() =>
        (await Company.Dispatcher.GetFromJsonAsync<OptOutDto[]>($"/api/v1/customers/{Customer.Id}/communications/opt-outs", ApiJson.Options))!;

    /// <summary>A link for Maria's email, made as the email channel makes it, for tests that start at the link rather than the mail.</summary>
    public string IssueToken() => App.Services.GetRequiredService<UnsubscribeTokens>()
        .Issue(new UnsubscribeGrant(Company.TenantId, Customer.Id, Contact.Id, NotificationChannel.Email, Contact.Email));

    /// <summary>A client with no cookies at all, as a mail provider or a stranger holding the link.</summary>
    public HttpClient Anonymous() => App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = App.ClientOptions.BaseAddress });

    /// <summary>Exactly what a mail provider posts (RFC 8058), form-urlencoded as Gmail sends it, to the path of the header's URL.</summary>
    public Task<HttpResponseMessage> OneClickAsync(string path) =>
        Anonymous().PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

    /// <summary>The one https URL of a List-Unsubscribe header ("&lt;https://...&gt;"), as a path on the test server.</summary>
    public static string PathOfHeader(string listUnsubscribe)
    {
        var match = HeaderUrl().Match(listUnsubscribe);
        Assert.True(match.Success, $"List-Unsubscribe holds one https URL under {PublicBaseUrl}: {listUnsubscribe}");
        return match.Groups["path"].Value;
    }

    [GeneratedRegex(@"^<https://portal\.test(?<path>/u/[A-Za-z0-9_-]+)>$")]
    private static partial Regex HeaderUrl();
}
