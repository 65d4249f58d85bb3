using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Portal;

public sealed class PreferencesApiTests : IDisposable
{
    private readonly PortalFactory _app = new(); // one per test: fresh sign-in rate limits

    [Fact]
    public async Task NewContact_HasServiceMessagesOn_MarketingOff_AndNoQuietHours()
    {
        var contact = await SignedInContactAsync();

        var preferences = await contact.GetFromJsonAsync<PreferencesDto>("/api/v1/portal/preferences", ApiJson.Options);

        Assert.Equal(new(true, true, false), preferences!.Email);
        Assert.Equal(new(true, true, false), preferences.Sms);
        Assert.Null(preferences.QuietHours);
    }

    [Fact]
    public async Task SavedPreferences_AreWhatTheContactReadsBack()
    {
        var contact = await SignedInContactAsync();
        var wanted = new
        {
            email = new { appointments = true, onMyWay = false, marketing = true },
            sms = new { appointments = false, onMyWay = true, marketing = false },
            quietHours = new { start = "22:30", end = "07:00", timeZone = "Europe/Lisbon" },
            language = "pt",
        };

        (await contact.PutAsJsonAsync("/api/v1/portal/preferences", wanted)).EnsureSuccessStatusCode();
        var read = await contact.GetFromJsonAsync<PreferencesDto>("/api/v1/portal/preferences", ApiJson.Options);

        Assert.Equal(new(true, false, true), read!.Email);
        Assert.Equal(new(false, true, false), read.Sms);
        Assert.Equal(new QuietHoursDto("22:30", "07:00", "Europe/Lisbon"), read.QuietHours);
        Assert.Equal("pt", read.Language);
    }

    [Theory]
    [InlineData("{\"email\":{\"appointments\":true,\"onMyWay\":true,\"marketing\":false},\"sms\":{\"appointments\":true,\"onMyWay\":true,\"marketing\":false},\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\",\"timeZone\":\"Mars/Olympus\"}}", "quietHours.timeZone")]
    [InlineData("{\"email\":{\"appointments\":true,\"onMyWay\":true,\"marketing\":false},\"sms\":{\"appointments\":true,\"onMyWay\":true,\"marketing\":false},\"quietHours\":{\"start\":\"25:00\",\"end\":\"07:00\",\"timeZone\":\"UTC\"}}", "quietHours.start")]
    [InlineData("{\"email\":{\"appointments\":true,\"onMyWay\":true,\"marketing\":false},\"sms\":{\"appointments\":true,\"onMyWay\":true,\"marketing\":false},\"quietHours\":{\"start\":\"07:00\",\"end\":\"07:00\",\"timeZone\":\"UTC\"}}", "quietHours.end")]
    [InlineData("{\"email\":{\"appointments\":true,\"onMyWay\":true},\"sms\":{\"appointments\":true,\"onMyWay\":true,\"marketing\":false}}", "email")]
    [InlineData("{\"email\":{\"appointments\":true,\"onMyWay\":true,\"marketing\":false}}", "sms")]
    [InlineData("{\"email\":{\"appointments\":true,\"onMyWay\":true,\"marketing\":false},\"sms\":{\"appointments\":true,\"onMyWay\":true,\"marketing\":false},\"language\":\"klingon\"}", "language")]
    public async Task InvalidPreferences_AreRefusedWithTheField_AndChangeNothing(string body, string field)
    {
        var contact = await SignedInContactAsync();

        var response = await contact.PutAsync("/api/v1/portal/preferences", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem.RootElement}");
        var unchanged = await contact.GetFromJsonAsync<PreferencesDto>("/api/v1/portal/preferences", ApiJson.Options);
        Assert.Equal(new(true, true, false), unchanged!.Email);
    }

    [Theory]
    [InlineData("{\"email\":")]
    [InlineData("{\"email\":{\"appointments\":\"yes\"}}")]
    [InlineData("[]")]
    public async Task MalformedJson_Gets400Problem(string body)
    {
        var contact = await SignedInContactAsync();

        var response = await contact.PutAsync("/api/v1/portal/preferences", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => _app.Dispose();

    private async Task<HttpClient> SignedInContactAsync()
    {
        var customer = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(_app));
        var contact = await customer.AddContactAsync($"contact-{Guid.NewGuid():N}@example.com");
        return await customer.SignInAsync(contact.Id);
    }
}
