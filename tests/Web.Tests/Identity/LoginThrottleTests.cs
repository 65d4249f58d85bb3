using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Identity;

/// <summary>Password guessing is limited by failed attempts; dispatchers who sign in correctly are never held up.</summary>
public sealed class LoginThrottleTests
{
    [Fact]
    public async Task TwentySuccessfulLoginsFromOneAddress_AllSucceed()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);

        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app, company.Email, TenantScenario.Password)).StatusCode);
    }

    [Fact]
    public async Task EleventhFailedLogin_Gets429WithRetryAfter_AndEvenTheRightPasswordWaits()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);

        for (var i = 0; i < LoginThrottle.FailuresPerAddress; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(app, company.Email, "wrong password")).StatusCode);
        var refused = await LoginAsync(app, company.Email, "wrong password");
        var right = await LoginAsync(app, company.Email, TenantScenario.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.True(wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(15), $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.NotNull(right.Headers.RetryAfter);
    }

    [Fact]
    public void FailuresAgainstOneEmailFromManyAddresses_LockThatEmailOnly()
    {
        using var throttle = new LoginThrottle();
        for (var i = 0; i < LoginThrottle.FailuresPerEmail; i++)
        {
            Assert.Null(throttle.Refusal($"10.0.0.{i}", "dana@example.com"));
            throttle.RecordFailure($"10.0.0.{i}", "dana@example.com");
        }

        Assert.NotNull(throttle.Refusal("10.0.1.1", "dana@example.com"));
        Assert.Null(throttle.Refusal("10.0.1.1", "sam@example.com"));
    }

    private static Task<HttpResponseMessage> LoginAsync(PortalFactory app, string email, string password) =>
        app.CreateClient(new() { HandleCookies = false }).PostAsJsonAsync("/api/v1/auth/login", new { email, password });
}
