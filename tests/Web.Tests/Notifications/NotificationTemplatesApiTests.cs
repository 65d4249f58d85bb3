using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Templates;
using OrleansPortal.Web.Notifications.Templates;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications;

/// <summary>The dispatcher's template and switch APIs, through the whole app: one company per class, a second where tenants meet.</summary>
public sealed class NotificationTemplatesApiTests(CompanyFixture fixture) : IClassFixture<CompanyFixture>
{
    private const string Api = "/api/v1/dispatch/notifications";
    private readonly HttpClient _dispatcher = fixture.Company.Dispatcher;

    private async Task<NotificationTemplatesDto> SettingsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<NotificationTemplatesDto>($"{Api}/templates", ApiJson.Options))!;

    private static NotificationTemplateDto Find(NotificationTemplatesDto settings, NotificationTrigger trigger, NotificationChannel channel, string language) =>
        settings.Templates.Single(t => t.Trigger == trigger && t.Channel == channel && t.Language == language);

    [Fact]
    public async Task ADispatcher_SavesATemplate_SeesItInForce_AndGoesBackToTheDefault()
    {
        var before = Find(await SettingsAsync(_dispatcher), NotificationTrigger.Reminder, NotificationChannel.Email, "pt");

        var saved = await _dispatcher.PutAsJsonAsync($"{Api}/templates/reminder/email/pt",
            new { subject = "Amanhã: {{ window.range }}", body = "<p>Até amanhã, {{ contact.first_name }}!</p>" });
        var during = Find(await SettingsAsync(_dispatcher), NotificationTrigger.Reminder, NotificationChannel.Email, "pt");
        var reset = await _dispatcher.DeleteAsync($"{Api}/templates/Reminder/Email/pt");
        var after = Find(await SettingsAsync(_dispatcher), NotificationTrigger.Reminder, NotificationChannel.Email, "pt");

        Assert.True(before.IsDefault);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(("Amanhã: {{ window.range }}", false), (during.Subject, during.IsDefault));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task AnInvalidTemplate_Is400NamingEachProblemByField_AndChangesNothing()
    {
        var response = await _dispatcher.PutAsJsonAsync($"{Api}/templates/Completed/Email/en",
            new { subject = "Done {{ customer.nmae }}", body = "<p>{{ links.tracking }}</p>{% if job.address %}" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("customer.nmae", errors.GetProperty("subject")[0].GetString());
        Assert.Contains("endif", errors.GetProperty("body")[0].GetString());
        Assert.True(Find(await SettingsAsync(_dispatcher), NotificationTrigger.Completed, NotificationChannel.Email, "en").IsDefault);
    }

    [Fact]
    public async Task ASwitchedOffTrigger_ShowsOff_OnThatChannelOnly()
    {
        var off = await _dispatcher.PutAsJsonAsync($"{Api}/triggers/ReviewRequest/Sms", new { enabled = false });
        var missing = await _dispatcher.PutAsJsonAsync($"{Api}/triggers/ReviewRequest/Sms", new { });
        var settings = await SettingsAsync(_dispatcher);

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        await ValidationProblems.AssertNamesFieldAsync(missing, "enabled");
        Assert.False(settings.Switches.Single(s => s is { Trigger: NotificationTrigger.ReviewRequest, Channel: NotificationChannel.Sms }).Enabled);
        Assert.True(settings.Switches.Single(s => s is { Trigger: NotificationTrigger.ReviewRequest, Channel: NotificationChannel.Email }).Enabled);
        Assert.False(Find(settings, NotificationTrigger.ReviewRequest, NotificationChannel.Sms, "en").Enabled);
        (await _dispatcher.PutAsJsonAsync($"{Api}/triggers/ReviewRequest/Sms", new { enabled = true })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task APreview_RendersSampleData_AndCountsSmsSegments()
    {
        var sms = await PreviewAsync(new { trigger = "OnMyWay", channel = "Sms", language = "pt", body = "{{ technician.first_name }} está a caminho: {{ links.tracking }}" });
        var email = await PreviewAsync(new { trigger = "Completed", channel = "Email", language = "en", subject = "Done, {{ contact.first_name }}", body = "<p><a href=\"{{ links.report }}\">Report</a></p>" });

        Assert.Equal("Rui está a caminho: https://portal.example/t/Ab12Cd34Ef56", sms.Text);
        Assert.Equal((SmsEncoding.Ucs2, 1), (sms.Sms!.Encoding, sms.Sms.Segments));
        Assert.Equal(["á"], sms.Sms.NonGsmCharacters);
        Assert.Equal("Done, Anna", email.Subject);
        Assert.Contains("Report (https://portal.example/portal/reports/8f2c)", email.Text);
        Assert.Contains("Acme Irrigation", email.Html); // the company's own name in the layout
        Assert.Null(email.Sms);
    }

    [Fact]
    public async Task AnInvalidPreview_Is400LikeASave()
    {
        var unknown = await _dispatcher.PostAsJsonAsync($"{Api}/preview", new { trigger = "OnMyWay", channel = "Sms", language = "en", body = "{{ technician.last_name }}" });
        var badNames = await _dispatcher.PostAsJsonAsync($"{Api}/preview", new { trigger = "Teleported", channel = "Pigeon", language = "fr", body = "x" });

        await ValidationProblems.AssertNamesFieldAsync(unknown, "body");
        Assert.Contains("technician.last_name", await unknown.Content.ReadAsStringAsync());
        foreach (var field in new[] { "trigger", "channel", "language" }) await ValidationProblems.AssertNamesFieldAsync(badNames, field);
    }

    [Theory]
    [InlineData("PUT", "/templates/Teleported/Email/en")]
    [InlineData("PUT", "/templates/OnMyWay/Pigeon/en")]
    [InlineData("PUT", "/templates/OnMyWay/Email/fr")]
    [InlineData("PUT", "/templates/OnMyWay/Push/en")] // push reaches technicians: customer triggers have none
    [InlineData("PUT", "/templates/1/Email/en")]
    [InlineData("DELETE", "/templates/OnMyWay/Email/xx")]
    [InlineData("PUT", "/triggers/Completed/Push")]
    [InlineData("PUT", "/triggers/Nothing/Sms")]
    public async Task NamesThatAreNoTemplate_Are404ProblemDetails(string method, string path)
    {
        var response = await _dispatcher.SendAsync(new HttpRequestMessage(new HttpMethod(method), Api + path)
        {
            Content = JsonContent.Create(new { subject = "Hi", body = "Hi", enabled = true }),
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OneCompany_CannotSeeOrChangeAnothersTemplates()
    {
        var other = await TenantScenario.CreateAsync(fixture.App, "Other Gardens");
        (await _dispatcher.PutAsJsonAsync($"{Api}/templates/Arriving/Sms/en", new { body = "Ours: {{ eta.minutes }} min" })).EnsureSuccessStatusCode();

        var theirs = await SettingsAsync(other.Dispatcher);
        (await other.Dispatcher.PutAsJsonAsync($"{Api}/templates/Arriving/Sms/en", new { body = "Theirs: {{ eta.minutes }} min" })).EnsureSuccessStatusCode();
        (await other.Dispatcher.PutAsJsonAsync($"{Api}/triggers/Arriving/Sms", new { enabled = false })).EnsureSuccessStatusCode();
        var ours = await SettingsAsync(_dispatcher);

        Assert.True(Find(theirs, NotificationTrigger.Arriving, NotificationChannel.Sms, "en").IsDefault);
        Assert.Equal("Ours: {{ eta.minutes }} min", Find(ours, NotificationTrigger.Arriving, NotificationChannel.Sms, "en").Body);
        Assert.True(Find(ours, NotificationTrigger.Arriving, NotificationChannel.Sms, "en").Enabled);
    }

    [Fact]
    public async Task CustomersTechniciansAndStrangers_AreRefused()
    {
        var customer = await CustomerScenario.CreateAsync(fixture.Company);
        var contact = await customer.AddContactAsync($"c-{Guid.NewGuid():N}@example.com");
        var customerClient = await customer.SignInAsync(contact.Id);
        var technician = await fixture.Company.AddTechnicianAsync();
        var phone = fixture.App.CreateClient();
        phone.DefaultRequestHeaders.Authorization = new("Bearer", (await fixture.Company.IssueTokenAsync(technician.Id)).Token);

        foreach (var (who, client) in new[] { ("customer", customerClient), ("technician", phone), ("anonymous", fixture.App.CreateClient()) })
        {
            var read = await client.GetAsync($"{Api}/templates");
            var write = await client.PutAsJsonAsync($"{Api}/templates/OnMyWay/Sms/en", new { body = "{{ company.name }}" });
            // The dispatcher scheme does not read a customer's cookie or a device token, so all three are unauthenticated here.
            Assert.True(read.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{who} read: {read.StatusCode}");
            Assert.True(write.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{who} write: {write.StatusCode}");
        }
        Assert.True(Find(await SettingsAsync(_dispatcher), NotificationTrigger.OnMyWay, NotificationChannel.Sms, "en").IsDefault);
    }

    [Fact]
    public async Task TheCatalogue_ListsVariablesWithTheirTriggers_AndTheFilters()
    {
        var catalogue = (await _dispatcher.GetFromJsonAsync<TemplateCatalogueDto>($"{Api}/variables", ApiJson.Options))!;

        var tracking = catalogue.Variables.Single(v => v.Name == "links.tracking");
        Assert.Equal([NotificationTrigger.OnMyWay, NotificationTrigger.Arriving, NotificationTrigger.Delayed], tracking.Triggers);
        Assert.Contains(catalogue.Filters, f => f.Name == "default");
    }

    private async Task<PreviewDto> PreviewAsync(object request)
    {
        var response = await _dispatcher.PostAsJsonAsync($"{Api}/preview", request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PreviewDto>(ApiJson.Options))!;
    }
}
