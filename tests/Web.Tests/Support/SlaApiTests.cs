using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Testing;
using OrleansPortal.Web.Support.Cases;
using OrleansPortal.Web.Support.Sla;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Support;

/// <summary>
/// The company's SLA through the whole app, on a clock the tests move (Monday 5 January 2026, 10:00 UTC; the test
/// companies are on UTC): the office reads and saves it, open cases' timers follow, a customer reads and changes
/// nothing of it and sees only when an answer is expected, and compliance counts what was met and breached.
/// </summary>
public sealed class SlaApiTests : IAsyncLifetime
{
    private const string Sla = "/api/v1/support/sla";
    private static readonly DateTimeOffset Monday10 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _time = new();
    private PostgresDatabase? _database;

    public Task InitializeAsync()
    {
        _time.Set(Monday10);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    private static object Settings(int normalFirstResponse = 240, object? week = null, object? holidays = null, object? targets = null) => new
    {
        week = week ?? new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(d => new { day = d, opens = "09:00", closes = "18:00" }),
        holidays = holidays ?? new[] { "2026-12-25" },
        targets = targets ?? new object[]
        {
            new { priority = "Urgent", firstResponseMinutes = 60, resolutionMinutes = 480 },
            new { priority = "Normal", firstResponseMinutes = normalFirstResponse, resolutionMinutes = 1620 },
            new { priority = "Low", firstResponseMinutes = (int?)null, resolutionMinutes = (int?)null },
        },
    };

    [Fact]
    public async Task TheOffice_ChangesATarget_AndAnOpenCasesTimerFollows_WhileTheCustomerSeesOnlyWhenAnAnswerIsDue()
    {
        using var app = new PortalFactory { Clock = _time };
        var (company, maria) = await CustomerAsync(app);
        var caseId = await OpenAsync(maria);

        var defaults = (await company.Dispatcher.GetFromJsonAsync<SlaSettingsDto>(Sla, ApiJson.Options))!;
        var before = await TeamCaseAsync(company, caseId);
        var saved = await company.Dispatcher.PutAsJsonAsync(Sla, Settings(normalFirstResponse: 120));
        var after = await TeamCaseAsync(company, caseId);
        var queued = Assert.Single((await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!);
        var portal = (await maria.GetFromJsonAsync<CaseDto>($"/api/v1/portal/cases/{caseId}", ApiJson.Options))!;
        var portalList = Assert.Single((await maria.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/portal/cases", ApiJson.Options))!);

        Assert.Equal(("UTC", 80, "Monday 09:00-18:00"), (defaults.TimeZone, defaults.AtRiskPercent, $"{defaults.Week[0].Day} {defaults.Week[0].Opens}-{defaults.Week[0].Closes}"));
        Assert.Contains(new SlaTargetDto("Normal", 240, 1620), defaults.Targets);
        Assert.Equal(("OnTrack", Monday10.AddHours(4)), (before.FirstResponseSla!.State, before.FirstResponseSla.Due));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal([new DateOnly(2026, 12, 25)], (await saved.Content.ReadFromJsonAsync<SlaSettingsDto>(ApiJson.Options))!.Holidays);
        Assert.Equal(("OnTrack", Monday10.AddHours(2)), (after.FirstResponseSla!.State, after.FirstResponseSla.Due));
        Assert.Equal(("OnTrack", Monday10.AddHours(2)), (queued.FirstResponseSla, queued.FirstResponseDue));
        Assert.Equal((Monday10.AddHours(2), (SlaTimerDto?)null, (SlaTimerDto?)null), (portal.ExpectedResponseBy, portal.FirstResponseSla, portal.ResolutionSla));
        Assert.Equal(((string?)null, (DateTimeOffset?)null), (portalList.FirstResponseSla, portalList.FirstResponseDue));
    }

    [Fact]
    public async Task ACustomer_CannotReadOrChangeTheSla_AndAnotherCompany_KeepsItsOwn()
    {
        using var app = new PortalFactory { Clock = _time };
        var (company, maria) = await CustomerAsync(app);
        var (other, _) = await CustomerAsync(app, "Bolt HVAC");
        (await other.Dispatcher.PutAsJsonAsync(Sla, Settings(normalFirstResponse: 30))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await maria.GetAsync(Sla)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await maria.PutAsJsonAsync(Sla, Settings(normalFirstResponse: 5))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await maria.GetAsync($"{Sla}/compliance")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(Sla)).StatusCode);
        var ours = (await company.Dispatcher.GetFromJsonAsync<SlaSettingsDto>(Sla, ApiJson.Options))!;
        var theirs = (await other.Dispatcher.GetFromJsonAsync<SlaSettingsDto>(Sla, ApiJson.Options))!;
        Assert.Contains(new SlaTargetDto("Normal", 240, 1620), ours.Targets); // still the defaults
        Assert.Contains(new SlaTargetDto("Normal", 30, 1620), theirs.Targets);
    }

    public static TheoryData<string, object> BadSettings => new()
    {
        { "week", Settings(week: Array.Empty<object>()) },
        { "week", Settings(week: new[] { new { day = "Monday", opens = "18:00", closes = "09:00" } }) },
        { "week", Settings(week: new[] { new { day = "Monday", opens = "09:00", closes = "25:00" } }) },
        { "week", Settings(week: new[] { new { day = "Funday", opens = "09:00", closes = "18:00" } }) },
        { "week", Settings(week: new[] { new { day = "Monday", opens = "9h", closes = "18:00" } }) },
        { "week", Settings(week: new[] { new { day = "Monday", opens = "09:00", closes = "12:00" }, new { day = "Monday", opens = "13:00", closes = "18:00" } }) },
        { "holidays", Settings(holidays: new[] { "1999-12-25" }) },
        { "targets", Settings(targets: new[] { new { priority = "Critical", firstResponseMinutes = 60, resolutionMinutes = 480 } }) },
        { "targets", Settings(targets: new[] { new { priority = "Normal", firstResponseMinutes = 600, resolutionMinutes = 480 } }) },
        { "targets", Settings(targets: new[] { new { priority = "Normal", firstResponseMinutes = 0, resolutionMinutes = 480 } }) },
        { "targets", Settings(targets: new[] { new { priority = "Normal", firstResponseMinutes = 60, resolutionMinutes = 600_000 } }) },
        { "targets", Settings(targets: new[] { new { priority = "High", firstResponseMinutes = 60, resolutionMinutes = 480 }, new { priority = "high", firstResponseMinutes = 30, resolutionMinutes = 480 } }) },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task SettingsThatCannotWork_Are400NamingTheField_AndChangeNothing(string field, object settings)
    {
        using var app = new PortalFactory { Clock = _time };
        var (company, _) = await CustomerAsync(app);
        var before = await company.Dispatcher.GetStringAsync(Sla);

        var refused = await company.Dispatcher.PutAsJsonAsync(Sla, settings);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = (await refused.Content.ReadFromJsonAsync<ValidationProblemBody>(ApiJson.Options))!;
        Assert.Contains(field, problem.Errors.Keys);
        Assert.Equal(before, await company.Dispatcher.GetStringAsync(Sla));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Compliance_CountsMetAndBreachedTargets_OfTheCasesOpenedInThePeriod(string storage)
    {
        using var app = await NewAppAsync(storage);
        var (company, maria) = await CustomerAsync(app);
        var inTime = await OpenAsync(maria);
        var late = await OpenAsync(maria);
        var unanswered = await OpenAsync(maria);

        _time.Set(Monday10.AddHours(1));
        await ReplyAsync(company, inTime, "Resolved");
        _time.Set(Monday10.AddHours(5)); // past the 4 h first-response target of a Normal case
        await ReplyAsync(company, late, "WaitingOnCustomer");
        var report = (await company.Dispatcher.GetFromJsonAsync<SlaComplianceDto>($"{Sla}/compliance?from=2026-01-01&to=2026-01-05", ApiJson.Options))!;
        var before = (await company.Dispatcher.GetFromJsonAsync<SlaComplianceDto>($"{Sla}/compliance?from=2025-12-01&to=2026-01-04", ApiJson.Options))!;
        var (other, _) = await CustomerAsync(app, "Bolt HVAC");
        var elsewhere = (await other.Dispatcher.GetFromJsonAsync<SlaComplianceDto>($"{Sla}/compliance?from=2026-01-01&to=2026-01-05", ApiJson.Options))!;

        Assert.Equal(3, report.Cases);
        Assert.Equal(new SlaTargetComplianceDto(1, 1, 0.5), report.FirstResponse); // the unanswered one is still under way
        Assert.Equal(new SlaTargetComplianceDto(1, 0, 1), report.Resolution);
        Assert.Equal((0, (double?)null), (before.Cases, before.FirstResponse.Share));
        Assert.Equal(0, elsewhere.Cases);
        Assert.Equal("Breached", (await TeamCaseAsync(company, late)).FirstResponseSla!.State);
        Assert.Equal("Breached", (await TeamCaseAsync(company, unanswered)).FirstResponseSla!.State); // noticed when read after the due time
        Assert.Equal(HttpStatusCode.BadRequest, (await company.Dispatcher.GetAsync($"{Sla}/compliance?from=2026-02-01&to=2026-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await company.Dispatcher.GetAsync($"{Sla}/compliance?from=2024-01-01&to=2026-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await company.Dispatcher.GetAsync($"{Sla}/compliance?from=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await company.Dispatcher.GetAsync($"{Sla}/compliance?to=0001-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await company.Dispatcher.GetAsync($"{Sla}/compliance?from=9999-12-31&to=9999-12-31")).StatusCode);
    }

    private sealed record ValidationProblemBody(Dictionary<string, string[]> Errors);

    private static async Task ReplyAsync(TenantScenario company, string caseId, string status) =>
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{caseId}/replies", new { text = "On it.", status })).EnsureSuccessStatusCode();

    private static async Task<CaseDto> TeamCaseAsync(TenantScenario company, string caseId) =>
        (await company.Dispatcher.GetFromJsonAsync<CaseDto>($"/api/v1/support/cases/{caseId}", ApiJson.Options))!;

    private static async Task<string> OpenAsync(HttpClient contact)
    {
        var opened = await contact.PostAsJsonAsync("/api/v1/portal/cases", new { subject = "Water in the valve box", description = "It is flooded." });
        opened.EnsureSuccessStatusCode();
        return (await opened.Content.ReadFromJsonAsync<CaseDto>(ApiJson.Options))!.Id;
    }

    private static async Task<(TenantScenario Company, HttpClient Contact)> CustomerAsync(PortalFactory app, string name = "Acme Irrigation")
    {
        var company = await TenantScenario.CreateAsync(app, name);
        var customer = await CustomerScenario.CreateAsync(company);
        var contact = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test");
        return (company, await customer.SignInAsync(contact.Id));
    }

    private async Task<PortalFactory> NewAppAsync(string storage)
    {
        if (storage != "PostgreSql") return new PortalFactory { Clock = _time };
        _database = new PostgresDatabase();
        await _database.InitializeAsync();
        var app = _database.App();
        app.Clock = _time;
        return app;
    }
}
