using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Technicians;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>
/// A company made through the public APIs, as a user would: the operator creates it, its dispatcher signs in,
/// creates technicians and issues device tokens. Each test makes its own, with unique emails.
/// </summary>
public sealed class TenantScenario
{
    public const string Password = "correct horse battery";

    private readonly Lazy<Task<CustomerSite>> _site;

    private TenantScenario(PortalFactory app, string tenantId, string email, string cookie)
    {
        _site = new(CreateSiteAsync);
        App = app;
        TenantId = tenantId;
        Email = email;
        Cookie = cookie;
        Dispatcher = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = app.ClientOptions.BaseAddress });
        Dispatcher.DefaultRequestHeaders.Add("Cookie", cookie);
    }

    public PortalFactory App { get; }

    public string TenantId { get; }

    public string Email { get; }

    /// <summary>An HTTP client signed in as the company's dispatcher.</summary>
    public HttpClient Dispatcher { get; }

    /// <summary>The dispatcher's auth cookie ("name=value"), for clients other than HttpClient (the hub).</summary>
    public string Cookie { get; }

    public static async Task<TenantScenario> CreateAsync(PortalFactory app, string name = "Acme Irrigation")
    {
        var email = $"dispatch-{Guid.NewGuid():N}@example.com";
        var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", PortalFactory.AdminKey);
        var created = await admin.PostAsJsonAsync("/api/v1/admin/companies", new { name, dispatcher = new { email, displayName = "Dana Dispatcher", password = Password } });
        created.EnsureSuccessStatusCode();

        return await SignInAsync(app, email);
    }

    /// <summary>
    /// A company whose dispatch leaves new jobs unassigned (auto-assign off), for tests that walk a ticket through its
    /// statuses by hand and must not race the dispatch grain assigning it.
    /// </summary>
    public static async Task<TenantScenario> CreateWithManualDispatchAsync(PortalFactory app, string name = "Acme Irrigation")
    {
        var company = await CreateAsync(app, name);
        (await company.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/settings", new { autoAssign = false })).EnsureSuccessStatusCode();
        return company;
    }

    /// <summary>Signs in as an existing dispatcher (for example after the app restarted on the same database).</summary>
    public static async Task<TenantScenario> SignInAsync(PortalFactory app, string email)
    {
        var login = await app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = app.ClientOptions.BaseAddress })
            .PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var me = await login.Content.ReadFromJsonAsync<MeDto>();
        return new TenantScenario(app, me!.TenantId, email, cookie);
    }

    /// <summary>
    /// A customer of the company with one property, made on first use: every ticket names a real customer's site, and
    /// tests about jobs rather than customers need just one.
    /// </summary>
    public Task<CustomerSite> SiteAsync() => _site.Value;

    private async Task<CustomerSite> CreateSiteAsync()
    {
        var customer = await CustomerScenario.CreateAsync(this, "Walk-in customers");
        return new CustomerSite(customer.Id, (await customer.AddPropertyAsync()).Id);
    }

    public async Task<TechnicianDto> AddTechnicianAsync(string name = "Tomás Technician")
    {
        var response = await Dispatcher.PostAsJsonAsync("/api/v1/technicians", new { name, skills = new[] { "irrigation" }, homeBase = new { latitude = 41.15, longitude = -8.61 } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TechnicianDto>(ApiJson.Options))!;
    }

    public async Task<IssuedDeviceToken> IssueTokenAsync(string technicianId, string label = "phone")
    {
        var response = await Dispatcher.PostAsJsonAsync($"/api/v1/technicians/{technicianId}/devices?setup=false", new { label }); // the apps' setup is DeviceTokenApiTests' business
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedDeviceToken>())!;
    }

    public async Task<TechnicianDto> GetTechnicianAsync(string technicianId) =>
        (await Dispatcher.GetFromJsonAsync<TechnicianDto>($"/api/v1/technicians/{technicianId}", ApiJson.Options))!;
}
