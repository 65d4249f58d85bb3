using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using OrleansPortal.Web.Support.Widget;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Support.Widget;

/// <summary>A company whose dispatcher allowed some origins to embed its widget, and calls as a widget on such a page makes them.</summary>
public sealed class WidgetScenario
{
    private WidgetScenario(TenantScenario company, WidgetSettingsDto settings)
    {
        Company = company;
        Settings = settings;
        Client = company.App.CreateClient(new() { HandleCookies = false });
    }

    public TenantScenario Company { get; }

    public WidgetSettingsDto Settings { get; private set; }

    /// <summary>A client without any cookie, as the widget's fetch calls are (credentials: omit).</summary>
    public HttpClient Client { get; }

    public string Api => $"/api/v1/widget/{Company.TenantId}";

    public static async Task<WidgetScenario> CreateAsync(TenantScenario company, params string[] origins)
    {
        var saved = await company.Dispatcher.PutAsJsonAsync("/api/v1/support/widget/origins", new { allowedOrigins = origins });
        saved.EnsureSuccessStatusCode();
        return new WidgetScenario(company, (await saved.Content.ReadFromJsonAsync<WidgetSettingsDto>(ApiJson.Options))!);
    }

    public async Task SetOriginsAsync(params string[] origins)
    {
        var saved = await Company.Dispatcher.PutAsJsonAsync("/api/v1/support/widget/origins", new { allowedOrigins = origins });
        saved.EnsureSuccessStatusCode();
        Settings = (await saved.Content.ReadFromJsonAsync<WidgetSettingsDto>(ApiJson.Options))!;
    }

    /// <summary>A customer of the company ("Silva household") with one contact, Maria Silva, at a unique email.</summary>
    public async Task<(CustomerScenario Customer, string Email)> CustomerWithContactAsync()
    {
        var customer = await CustomerScenario.CreateAsync(Company, "Silva household");
        var email = $"maria-{Guid.NewGuid():N}@example.com";
        await customer.AddContactAsync(email);
        return (customer, email);
    }

    /// <summary>What the company's own server computes for a signed-in visitor: hex HMAC-SHA256 of the email under the secret.</summary>
    public string HashOf(string email) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Settings.IdentitySecret), Encoding.UTF8.GetBytes(email)));

    public Task<HttpResponseMessage> StartAsync(string? origin, object? body = null) =>
        Client.SendAsync(Request(HttpMethod.Post, $"{Api}/sessions", origin, null, body ?? new { }));

    public async Task<WidgetSessionDto> SessionAsync(string origin, object? body = null)
    {
        var response = await StartAsync(origin, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WidgetSessionDto>(ApiJson.Options))!;
    }

    public Task<HttpResponseMessage> CallAsync(HttpMethod method, string path, string? origin, string? token, object? body = null) =>
        Client.SendAsync(Request(method, $"{Api}{path}", origin, token, body));

    public static HttpRequestMessage Request(HttpMethod method, string path, string? origin, string? token, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }
}
