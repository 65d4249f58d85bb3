using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Support.Cases;
using OrleansPortal.Web.Support.Widget;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Support.Widget;

/// <summary>
/// The website widget's API as a browser on the company's site (and on others) calls it: only the company's allowed
/// origins get a session and CORS headers; a token works only from the origin it was issued to and for its company;
/// the identity hash makes a session verified only when it matches and names a contact; an unverified visitor reads
/// no history; the contact form opens a case for a known contact or for a new customer.
/// </summary>
public sealed class WidgetApiTests : IAsyncLifetime
{
    private const string Site = "https://www.acme-irrigation.example";
    private const string OtherSite = "https://shop.acme-irrigation.example";
    private const string Stranger = "https://evil.example";

    private PostgresDatabase? _database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [Fact]
    public async Task AnAllowedOrigin_GetsATokenAndCorsHeaders_AnotherIsRefusedWithoutThem()
    {
        using var app = new PortalFactory();
        var widget = await WidgetScenario.CreateAsync(await TenantScenario.CreateAsync(app, "Acme Irrigation"), "https://WWW.Acme-Irrigation.example/");
        Assert.Equal([Site], widget.Settings.AllowedOrigins); // stored as the browser writes it

        var allowed = await widget.StartAsync(Site);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(Site, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(allowed.Headers.Contains("Set-Cookie"));
        var session = (await allowed.Content.ReadFromJsonAsync<WidgetSessionDto>(ApiJson.Options))!;
        Assert.False(session.Verified);
        Assert.Equal("Acme Irrigation", session.Company);
        Assert.InRange(session.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(110), TimeSpan.FromMinutes(121));

        var preflight = await widget.Client.SendAsync(Preflight(widget, Site));
        Assert.True(preflight.IsSuccessStatusCode, $"preflight answered {(int)preflight.StatusCode}");
        Assert.Equal(Site, preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", preflight.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);

        foreach (var origin in new[] { Stranger, "http://www.acme-irrigation.example", "https://www.acme-irrigation.example.evil.example", "null" })
        {
            var refused = await widget.StartAsync(origin);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"), origin);
            var foreignPreflight = await widget.Client.SendAsync(Preflight(widget, origin));
            Assert.False(foreignPreflight.Headers.Contains("Access-Control-Allow-Origin"), origin);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await widget.StartAsync(origin: null)).StatusCode); // no browser, no Origin: nothing to allow
    }

    [Fact]
    public async Task AToken_WorksOnlyFromItsOrigin_ForItsCompany_WhileTheOriginIsAllowed()
    {
        using var app = new PortalFactory();
        var widget = await WidgetScenario.CreateAsync(await TenantScenario.CreateAsync(app), Site, OtherSite);
        var other = await WidgetScenario.CreateAsync(await TenantScenario.CreateAsync(app, "Other Company"), Site);
        var token = (await widget.SessionAsync(Site)).Token;

        Assert.Equal(HttpStatusCode.OK, (await widget.CallAsync(HttpMethod.Get, "/help?q=valve", Site, token)).StatusCode);
        // Replayed from another page, even one the company also allows: refused, and the answer is not readable there.
        var replayed = await widget.CallAsync(HttpMethod.Get, "/help?q=valve", OtherSite, token);
        Assert.Equal(HttpStatusCode.Forbidden, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await widget.CallAsync(HttpMethod.Get, "/help?q=valve", Stranger, token)).StatusCode);
        Assert.False((await widget.CallAsync(HttpMethod.Get, "/help?q=valve", Stranger, token)).Headers.Contains("Access-Control-Allow-Origin"));
        // Without a token, with a made-up one, or at another company's address: no session.
        Assert.Equal(HttpStatusCode.Unauthorized, (await widget.CallAsync(HttpMethod.Get, "/help?q=valve", Site, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await widget.CallAsync(HttpMethod.Get, "/help?q=valve", Site, token[..^4] + "AAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.CallAsync(HttpMethod.Get, "/help?q=valve", Site, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.CallAsync(HttpMethod.Post, "/cases", Site, token,
            new { name = "Eve", email = "eve@example.com", message = "Hello" })).StatusCode);

        // The company takes the site off its list: the token it was given stops working at once on this node.
        await widget.SetOriginsAsync(OtherSite);
        Assert.Equal(HttpStatusCode.Forbidden, (await widget.CallAsync(HttpMethod.Get, "/help?q=valve", Site, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await widget.StartAsync(Site)).StatusCode);
    }

    [Fact]
    public async Task TheIdentityHash_VerifiesAContact_AForgedOneDoesNot_AndUnverifiedVisitorsReadNoHistory()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var widget = await WidgetScenario.CreateAsync(company, Site);
        var (customer, email) = await widget.CustomerWithContactAsync();

        // Maria, signed in on the company's site: verified; she writes, and sees her request.
        var verified = await widget.SessionAsync(Site, new { email, hash = widget.HashOf(email) });
        Assert.True(verified.Verified);
        var sent = await widget.CallAsync(HttpMethod.Post, "/cases", Site, verified.Token, new { message = "The controller shows E2 again.\nSince Monday." });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var receipt = (await sent.Content.ReadFromJsonAsync<WidgetContactReceiptDto>(ApiJson.Options))!;
        Assert.Equal("C-00001", receipt.DisplayNumber);
        var mine = (await (await widget.CallAsync(HttpMethod.Get, "/cases", Site, verified.Token)).Content.ReadFromJsonAsync<WidgetCaseDto[]>(ApiJson.Options))!;
        Assert.Equal([("C-00001", "The controller shows E2 again.")], mine.Select(c => (c.DisplayNumber, c.Subject)));
        var opened = (await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>($"/api/v1/support/cases?customerId={customer.Id}", ApiJson.Options))!.Single();
        var full = (await company.Dispatcher.GetFromJsonAsync<CaseDto>($"/api/v1/support/cases/{opened.Id}", ApiJson.Options))!;
        Assert.Equal(("Widget", "Maria Silva"), (full.Channel, full.Entries[0].AuthorName));

        // A forged hash, a hash of another email, the hash made with a secret since replaced, or a right hash for an email
        // that is nobody's contact: an ordinary session, which reads nobody's history.
        var forged = await widget.SessionAsync(Site, new { email, hash = new string('a', 64) });
        var otherEmail = await widget.SessionAsync(Site, new { email, hash = widget.HashOf("someone@example.com") });
        var stranger = $"nobody-{Guid.NewGuid():N}@example.com";
        var unknown = await widget.SessionAsync(Site, new { email = stranger, hash = widget.HashOf(stranger) });
        var oldHash = widget.HashOf(email);
        (await company.Dispatcher.PostAsync("/api/v1/support/widget/secret", null)).EnsureSuccessStatusCode();
        var stale = await widget.SessionAsync(Site, new { email, hash = oldHash });
        var anonymous = await widget.SessionAsync(Site);
        foreach (var session in new[] { forged, otherEmail, unknown, stale, anonymous })
        {
            Assert.False(session.Verified);
            var history = await widget.CallAsync(HttpMethod.Get, "/cases", Site, session.Token);
            Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
            Assert.DoesNotContain("E2", await history.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A hash that is no hash at all is a bad request, not a session.
        var malformed = await widget.StartAsync(Site, new { email, hash = "not-hex" });
        await ValidationProblems.AssertNamesFieldAsync(malformed, "hash");
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task TheContactForm_OpensACaseForAKnownContact_OrForANewCustomer_AndTenantsNeverMix(string storage)
    {
        using var app = await NewAppAsync(storage);
        var company = await TenantScenario.CreateAsync(app);
        var otherCompany = await TenantScenario.CreateAsync(app, "Other Company");
        var widget = await WidgetScenario.CreateAsync(company, Site);
        var (customer, email) = await widget.CustomerWithContactAsync();
        // The same person is also a customer's contact at the other company: that one is not involved.
        var elsewhere = await CustomerScenario.CreateAsync(otherCompany, "Silva at the other company");
        await elsewhere.AddContactAsync(email);
        var token = (await widget.SessionAsync(Site)).Token;

        // An unverified visitor giving a known contact's email: the case is that customer's; the visitor learns nothing.
        var known = await widget.CallAsync(HttpMethod.Post, "/cases", Site, token,
            new { name = "Whoever", email = email.ToUpperInvariant(), subject = "Valve box", message = "Water in the valve box." });
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Null((await known.Content.ReadFromJsonAsync<WidgetContactReceiptDto>(ApiJson.Options))!.DisplayNumber);
        var silvas = (await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>($"/api/v1/support/cases?customerId={customer.Id}", ApiJson.Options))!;
        Assert.Equal(["Valve box"], silvas.Select(c => c.Subject));

        // Nobody's email: a new customer with that person as its contact, and the case is theirs.
        var newEmail = $"joao-{Guid.NewGuid():N}@example.com";
        var unknown = await widget.CallAsync(HttpMethod.Post, "/cases", Site, token, new { name = "João Pereira", email = newEmail, message = "Do you service Rain Bird controllers?" });
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        var found = (await company.Dispatcher.GetFromJsonAsync<CustomerListItemDto[]>($"/api/v1/customers?q={Uri.EscapeDataString(newEmail)}", ApiJson.Options))!;
        var joao = Assert.Single(found);
        Assert.Equal(("João Pereira", newEmail), (joao.Name, joao.ContactEmail));
        var theirs = (await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>($"/api/v1/support/cases?customerId={joao.Id}", ApiJson.Options))!;
        Assert.Equal(["Do you service Rain Bird controllers?"], theirs.Select(c => c.Subject));

        // The other company sees none of it: no case, no new customer.
        Assert.Empty((await otherCompany.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!);
        Assert.Empty((await otherCompany.Dispatcher.GetFromJsonAsync<CustomerListItemDto[]>($"/api/v1/customers?q={Uri.EscapeDataString(newEmail)}", ApiJson.Options))!);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithProblemDetails_NamingTheField()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var widget = await WidgetScenario.CreateAsync(company, Site);
        var token = (await widget.SessionAsync(Site)).Token;

        foreach (var (origins, what) in new[]
        {
            (new[] { "http://www.acme-irrigation.example" }, "plain http on the internet"),
            (new[] { "https://www.acme-irrigation.example/contact" }, "a path"),
            (new[] { "https://user:pw@www.acme-irrigation.example" }, "credentials"),
            (new[] { "*" }, "a wildcard"),
            (Enumerable.Range(0, 21).Select(i => $"https://site{i}.example").ToArray(), "too many"),
        })
        {
            var refused = await company.Dispatcher.PutAsJsonAsync("/api/v1/support/widget/origins", new { allowedOrigins = origins });
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)refused.StatusCode}");
            await ValidationProblems.AssertNamesFieldAsync(refused, "allowedOrigins");
        }

        var local = await company.Dispatcher.PutAsJsonAsync("/api/v1/support/widget/origins", new { allowedOrigins = new[] { "http://localhost:5173", "http://127.0.0.1:8080", Site, Site } });
        Assert.Equal(["http://localhost:5173", "http://127.0.0.1:8080", Site], (await local.Content.ReadFromJsonAsync<WidgetSettingsDto>(ApiJson.Options))!.AllowedOrigins);

        foreach (var (body, field) in new (object, string)[]
        {
            (new { name = "Ana", email = "ana@example.com", message = "" }, "message"),
            (new { name = "Ana", email = "not an email", message = "Hello" }, "email"),
            (new { name = "", email = "ana@example.com", message = "Hello" }, "name"),
            (new { name = "Ana", email = "ana@example.com", message = "Hello\u202Egnp.exe" }, "message"),
        })
        {
            var refused = await widget.CallAsync(HttpMethod.Post, "/cases", Site, token, body);
            await ValidationProblems.AssertNamesFieldAsync(refused, field);
        }

        Assert.Empty((await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!);
        // A company name that is no company: the same refusal as a site that is not allowed.
        var nobody = await widget.Client.SendAsync(WidgetScenario.Request(HttpMethod.Post, "/api/v1/widget/no-such-company/sessions", Site, null, new { }));
        Assert.Equal(HttpStatusCode.Forbidden, nobody.StatusCode);
    }

    [Fact]
    public async Task AVerifiedVisitor_ChatsInTheCustomersConversation_WhichNoUnverifiedSessionReads()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var widget = await WidgetScenario.CreateAsync(company, Site);
        var (customer, email) = await widget.CustomerWithContactAsync();
        var maria = (await widget.SessionAsync(Site, new { email, hash = widget.HashOf(email) })).Token;
        var thread = $"{OrleansPortal.Web.Chat.ChatMessageMapping.TeamBase}/customer:{customer.Id}/messages";

        var posted = await widget.CallAsync(HttpMethod.Post, "/chat", Site, maria, new { text = "Can the technician come on Tuesday?" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        // The team answers from its inbox, in the same thread the portal calls "General"; its internal note stays its own.
        (await company.Dispatcher.PostAsJsonAsync(thread, new { text = "Yes, Tuesday at 10:00." })).EnsureSuccessStatusCode();
        (await company.Dispatcher.PostAsJsonAsync(thread, new { text = "Tomás is free then.", @internal = true })).EnsureSuccessStatusCode();

        var page = (await (await widget.CallAsync(HttpMethod.Get, "/chat", Site, maria)).Content.ReadFromJsonAsync<WidgetChatPageDto>(ApiJson.Options))!;
        Assert.Equal([("Can the technician come on Tuesday?", true), ("Yes, Tuesday at 10:00.", false)], page.Messages.Select(m => (m.Text, m.Mine)));
        Assert.Equal("Maria Silva", page.Messages[0].AuthorName);

        var stranger = (await widget.SessionAsync(Site, new { email, hash = new string('0', 64) })).Token;
        var read = await widget.CallAsync(HttpMethod.Get, "/chat", Site, stranger);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.DoesNotContain("Tuesday", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await widget.CallAsync(HttpMethod.Post, "/chat", Site, stranger, new { text = "Let me in" })).StatusCode);
        await ValidationProblems.AssertNamesFieldAsync(await widget.CallAsync(HttpMethod.Post, "/chat", Site, maria, new { text = " " }), "text");
        var team = await company.Dispatcher.GetStringAsync(thread);
        Assert.DoesNotContain("Let me in", team, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContactForms_AreLimitedPerAddress_AndRefusedFormsDoNotCount()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var widget = await WidgetScenario.CreateAsync(company, Site);
        var token = (await widget.SessionAsync(Site)).Token;
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await widget.CallAsync(HttpMethod.Post, "/cases", Site, token, new { name = "Ana", email = "ana@example.com" })).StatusCode);

        for (var i = 0; i < WidgetContactThrottle.FormsPerAddress; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await widget.CallAsync(HttpMethod.Post, "/cases", Site, token, new { name = "Ana", email = "ana@example.com", message = $"Question {i}" })).StatusCode);
        var refused = await widget.CallAsync(HttpMethod.Post, "/cases", Site, token, new { name = "Ana", email = "ana@example.com", message = "One more" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(WidgetContactThrottle.FormsPerAddress, (await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!.Length);
    }

    private async Task<PortalFactory> NewAppAsync(string storage)
    {
        if (storage != "PostgreSql") return new PortalFactory();
        _database = new PostgresDatabase();
        await _database.InitializeAsync();
        return _database.App();
    }

    private static HttpRequestMessage Preflight(WidgetScenario widget, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, $"{widget.Api}/cases");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }
}
