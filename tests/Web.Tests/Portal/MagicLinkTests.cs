using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Properties;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Portal;

/// <summary>Magic links end to end: the mail really goes through an SMTP server, and each test has its own app (fresh rate limits).</summary>
public sealed class MagicLinkTests(MailServer smtp) : IClassFixture<MailServer>
{
    [Fact]
    public async Task RequestedLink_ArrivesByMail_AndSignsTheContactInExactlyOnce()
    {
        using var app = NewApp();
        var customer = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app));
        var property = await customer.AddPropertyAsync("Beach house");
        var email = UniqueEmail();
        await customer.AddContactAsync(email);

        var requested = await RequestLinkAsync(app, email);
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var mail = await smtp.WaitForSignInMailAsync(email);
        var link = Assert.Single(mail.Links);
        Assert.StartsWith("http://portal.test/portal/login?token=", link.ToString());

        var client = await PortalSession.SignInAsync(app, mail.Token());
        var properties = await client.GetFromJsonAsync<PropertyDto[]>("/api/v1/portal/properties", ApiJson.Options);
        Assert.Equal(property.Id, Assert.Single(properties!).Id);

        var again = await PortalSession.RedeemAsync(app, mail.Token());
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.False(again.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task OpeningTheLink_AsAMailScannerWould_DoesNotUseItUp()
    {
        using var app = NewApp();
        var customer = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app));
        var email = UniqueEmail();
        await customer.AddContactAsync(email);
        await RequestLinkAsync(app, email);
        var mail = await smtp.WaitForSignInMailAsync(email);

        var prefetch = await app.CreateClient().GetAsync(mail.Links[0].PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, prefetch.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PortalSession.RedeemAsync(app, mail.Token())).StatusCode);
    }

    [Fact]
    public async Task Link_WorksFor15Minutes_AndNotAfter()
    {
        var clock = new AdjustableClock();
        using var app = NewApp(clock);
        var customer = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app));
        var email = UniqueEmail();
        await customer.AddContactAsync(email);
        await RequestLinkAsync(app, email);
        var first = await smtp.WaitForSignInMailAsync(email, 1);
        await RequestLinkAsync(app, email);
        var second = await smtp.WaitForSignInMailAsync(email, 2);

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await PortalSession.RedeemAsync(app, first.Token())).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PortalSession.RedeemAsync(app, second.Token())).StatusCode);
    }

    [Fact]
    public async Task UnknownEmail_GetsTheSameAnswer_AndNoMail()
    {
        using var app = NewApp();
        var customer = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app));
        var known = UniqueEmail();
        var unknown = UniqueEmail();
        await customer.AddContactAsync(known);

        var forUnknown = await RequestLinkAsync(app, unknown);
        var forKnown = await RequestLinkAsync(app, known);

        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(forKnown.Content.Headers.ContentType, forUnknown.Content.Headers.ContentType);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        // Requests are handled in order, so once the known email's mail is there the unknown one has been dealt with.
        await smtp.WaitForSignInMailAsync(known);
        Assert.Empty(smtp.MailTo(unknown));
    }

    [Fact]
    public async Task AfterTheOfficeReplacesAContactsEmail_OnlyTheNewAddressGetsALink()
    {
        using var app = NewApp();
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        var (old, renewed) = (UniqueEmail(), UniqueEmail());
        var contact = await customer.AddContactAsync(old);
        (await company.Dispatcher.PutAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts/{contact.Id}", new { name = "Maria Silva", email = renewed, role = "Owner" })).EnsureSuccessStatusCode();

        await RequestLinkAsync(app, old);
        await RequestLinkAsync(app, renewed);

        var mail = await smtp.WaitForSignInMailAsync(renewed);
        var client = await PortalSession.SignInAsync(app, mail.Token());
        Assert.Equal(renewed, (await client.GetFromJsonAsync<PortalMeDto>("/api/v1/portal/me", ApiJson.Options))!.Email);
        Assert.Empty(smtp.MailTo(old)); // requests are handled in order: the old address's was dealt with first
    }

    [Fact]
    public async Task SixthRequestFor15Minutes_StillAnswers202_ButSendsNothing()
    {
        using var app = NewApp();
        var customer = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app));
        var email = UniqueEmail();
        var other = UniqueEmail();
        await customer.AddContactAsync(email);
        await customer.AddContactAsync(other);

        for (var i = 0; i < 6; i++) Assert.Equal(HttpStatusCode.Accepted, (await RequestLinkAsync(app, email)).StatusCode);
        await RequestLinkAsync(app, other);

        await smtp.WaitForSignInMailAsync(other);
        Assert.Equal(5, smtp.MailTo(email).Count);
    }

    [Fact]
    public async Task EleventhRequestFromOneAddress_IsRefusedWith429_SayingWhenToComeBack()
    {
        using var app = NewApp();

        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.Accepted, (await RequestLinkAsync(app, UniqueEmail())).StatusCode);
        var refused = await RequestLinkAsync(app, UniqueEmail());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.True(wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(15), $"Retry-After: {refused.Headers.RetryAfter}");
    }

    [Fact]
    public async Task EmailOfContactsInTwoCompanies_GetsOneLinkForEach_SigningInToThatCompanyOnly()
    {
        using var app = NewApp();
        var inAcme = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app, "Acme Irrigation"));
        var inBolt = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app, "Bolt HVAC"));
        var acmeSite = await inAcme.AddPropertyAsync("Acme site");
        var boltSite = await inBolt.AddPropertyAsync("Bolt site");
        var email = UniqueEmail();
        await inAcme.AddContactAsync(email);
        await inBolt.AddContactAsync(email);

        await RequestLinkAsync(app, email);
        var mail = await smtp.WaitForSignInMailAsync(email);

        Assert.Equal(2, mail.Links.Count);
        var seen = new Dictionary<string, string>();
        for (var i = 0; i < 2; i++)
        {
            var client = await PortalSession.SignInAsync(app, mail.Token(i));
            var me = await client.GetFromJsonAsync<PortalMeDto>("/api/v1/portal/me", ApiJson.Options);
            var properties = await client.GetFromJsonAsync<PropertyDto[]>("/api/v1/portal/properties", ApiJson.Options);
            seen[me!.CompanyName] = Assert.Single(properties!).Id;
        }

        Assert.Equal(acmeSite.Id, seen["Acme Irrigation"]);
        Assert.Equal(boltSite.Id, seen["Bolt HVAC"]);
    }

    [Theory]
    [InlineData("{\"email\":\"not an email\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"email\":null}", HttpStatusCode.BadRequest)]
    [InlineData("{\"email\":", HttpStatusCode.BadRequest)]
    public async Task MalformedRequest_Gets4xxProblem(string body, HttpStatusCode expected)
    {
        using var app = NewApp();

        var response = await app.CreateClient().PostAsync("/api/v1/portal/magic-links", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // the right shape, never issued
    [InlineData("../../../../etc/passwd/AAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task TokenNeverIssued_IsRefusedWith401(string token)
    {
        using var app = NewApp();

        var response = await PortalSession.RedeemAsync(app, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("This sign-in link is not valid any more.", problem.RootElement.GetProperty("title").GetString());
    }

    private PortalFactory NewApp(TimeProvider? clock = null)
    {
        var app = new PortalFactory { Clock = clock };
        smtp.ConfigureFor(app);
        return app;
    }

    private static Task<HttpResponseMessage> RequestLinkAsync(PortalFactory app, string email) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/portal/magic-links", new { email });

    private static string UniqueEmail() => $"contact-{Guid.NewGuid():N}@example.com";
}
