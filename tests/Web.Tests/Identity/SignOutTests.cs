using System.Net;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Identity;

/// <summary>
/// Signing out ends the session on the server: a copy of the cookie (taken from a shared computer, a proxy log, malware)
/// stops working at once, not when it would have expired.
/// </summary>
public sealed class SignOutTests
{
    [Fact]
    public async Task DispatcherCookieCopiedBeforeLogout_IsRefusedAfterIt()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var copy = WithCookie(app, company.Cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/auth/me")).StatusCode);
        // Signing in on another computer leaves the first signed in.
        var secondComputer = await TenantScenario.SignInAsync(app, company.Email);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/auth/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await company.Dispatcher.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/technicians")).StatusCode);
        // Signing out ends every session of that dispatcher, on every computer.
        Assert.Equal(HttpStatusCode.Unauthorized, (await secondComputer.Dispatcher.GetAsync("/api/v1/auth/me")).StatusCode);
        // Signing in again gives a cookie that works; the old one stays dead.
        var again = await TenantScenario.SignInAsync(app, company.Email);
        Assert.Equal(HttpStatusCode.OK, (await again.Dispatcher.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task CustomerCookieCopiedBeforeSignOut_IsRefusedAfterIt()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var (customer, contact, contactId, _) = await ChatScenario.CustomerWithJobAsync(company);
        var copy = WithCookie(app, contact.DefaultRequestHeaders.GetValues("Cookie").Single());
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/portal/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await contact.DeleteAsync("/api/v1/portal/session")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/portal/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/portal/jobs")).StatusCode);
        var again = await customer.SignInAsync(contactId);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/portal/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/portal/me")).StatusCode);
    }

    private static HttpClient WithCookie(PortalFactory app, string cookie)
    {
        var client = app.CreateClient(new() { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
