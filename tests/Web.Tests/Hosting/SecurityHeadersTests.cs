using System.Net;
using System.Net.Http.Json;
using System.Text;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Hosting;

/// <summary>
/// Every answer tells the browser: run only our own scripts and styles, never show this inside another site's frame,
/// do not guess content types, send no Referer (some addresses carry tokens). The pages' browser tests check that the
/// pages work under that policy (PageProblems reports whatever it refuses).
/// </summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task PagesApiAnswersAndErrors_AllCarryTheSecurityHeaders()
    {
        using var app = new PortalFactory();
        var client = app.CreateClient(new() { HandleCookies = false });
        var requests = new Func<HttpRequestMessage>[]
        {
            () => new(HttpMethod.Get, "/login/"),
            () => new(HttpMethod.Get, "/dispatch/"),
            () => new(HttpMethod.Get, "/portal/"),
            () => new(HttpMethod.Get, "/portal/login?token=abc"),
            () => new(HttpMethod.Get, "/portal/appointment/"),
            () => new(HttpMethod.Get, "/tech/?token=abc"),
            () => new(HttpMethod.Get, "/office/technicians/"),
            () => new(HttpMethod.Get, "/office/customers/"),
            () => new(HttpMethod.Get, "/api/v1/map"),
            () => new(HttpMethod.Get, "/api/v1/auth/me"), // 401
            () => new(HttpMethod.Get, "/no-such-page"), // 404
            () => new(HttpMethod.Post, "/api/v1/auth/login") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") }, // 400 from the exception handler
        };

        foreach (var request in requests)
        {
            var sent = request();
            var response = await client.SendAsync(sent);
            var what = $"{sent.Method} {sent.RequestUri} ({(int)response.StatusCode})";
            var policy = Header(response, "Content-Security-Policy");
            Assert.True(policy.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{what}: CSP '{policy}'");
            Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
            Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("img-src 'self' data: https://tile.openstreetmap.org;", policy, StringComparison.Ordinal);
            Assert.Contains("connect-src 'self' ws://localhost;", policy, StringComparison.Ordinal);
            Assert.True(Header(response, "X-Frame-Options") == "DENY", what);
            Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", what);
            Assert.True(Header(response, "Referrer-Policy") == "no-referrer", what);
        }
    }

    [Fact]
    public async Task ThePolicyAdmitsTheConfiguredTileServer()
    {
        using var app = new PortalFactory();
        app.Settings["Map:TileUrl"] = "https://{s}.tiles.example.org/{z}/{x}/{y}.png";

        var response = await app.CreateClient().GetAsync("/dispatch/");

        Assert.Contains("img-src 'self' data: https://*.tiles.example.org;", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadedImages_KeepTheirOwnStricterPolicy()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var (_, contact, _, job) = await ChatScenario.CustomerWithJobAsync(company);
        var posted = await contact.PostAsync($"{ChatMessageMapping.PortalBase}/{ChatScenario.Job(job)}/messages", ChatScenario.Form("The leak", ("leak.png", ChatScenario.Png(), "image/png")));
        var message = (await posted.Content.ReadFromJsonAsync<ChatMessageDto>(ApiJson.Options))!;

        var image = await contact.GetAsync(message.Attachments.Single().Url);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("default-src 'none'; sandbox", Header(image, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(image, "X-Frame-Options"));
    }

    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org")]
    [InlineData("http://tiles.local:8080/{z}/{x}/{y}.png?key=1", "http://tiles.local:8080")]
    [InlineData("//tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org")]
    [InlineData("https://tiles-{s}.example.org/{z}/{x}/{y}.png", "https:")] // a placeholder inside the host: the scheme is all a source can say
    [InlineData("https://x.example.org;script-src *;/{z}.png", "https:")] // never copied into the header as it is
    [InlineData("/tiles/{z}/{x}/{y}.png", null)] // served by this app: 'self' covers it
    [InlineData("javascript:alert(1)", null)]
    public void TileSource_AdmitsEveryTileOfTheTemplate_AndNothingElse(string template, string? expected) =>
        Assert.Equal(expected, ContentSecurityPolicy.TileSource(template));

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";
}
