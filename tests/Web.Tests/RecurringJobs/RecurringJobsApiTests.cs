using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Web.RecurringJobs;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.Tests.RecurringJobs;

public sealed class RecurringJobsApiTests : IClassFixture<PortalFactory>
{
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

    private readonly PortalFactory _app;

    public RecurringJobsApiTests(PortalFactory app) => _app = app;

    private static string TodayInLisbon => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Lisbon).DateTime).ToString("yyyy-MM-dd");

    // Every day 09:00-12:00 in Lisbon from today: the default 14-day horizon holds 14 or 15 occurrences, depending on the hour.
    private static object Daily(CustomerSite site, object? recurrenceOverrides = null) => new
    {
        ticket = new
        {
            customerId = site.CustomerId,
            propertyId = site.PropertyId,
            location = new { latitude = 41.16, longitude = -8.62 },
            address = "Rua de Santa Catarina 1, Porto",
            description = "Pool maintenance",
            requiredSkills = new[] { "pools" },
            estimatedMinutes = 45,
        },
        recurrence = recurrenceOverrides ?? new
        {
            intervalWeeks = 1,
            weekdays = Enum.GetNames<DayOfWeek>(),
            windowStart = "09:00",
            windowEnd = "12:00",
            timeZone = "Europe/Lisbon",
            startDate = TodayInLisbon,
        },
    };

    private static async Task<RecurringJobDto> CreateAsync(TenantScenario company)
    {
        var response = await company.Dispatcher.PostAsJsonAsync("/api/v1/recurring-jobs", Daily(await company.SiteAsync()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RecurringJobDto>())!;
    }

    [Fact]
    public async Task ASeriesCreatedOverHttp_HasScheduledTicketsForEachDayOfTheHorizon()
    {
        var company = await TenantScenario.CreateAsync(_app);

        var created = await CreateAsync(company);
        var read = await company.Dispatcher.GetFromJsonAsync<RecurringJobDto>($"/api/v1/recurring-jobs/{created.Id}");
        var list = await company.Dispatcher.GetFromJsonAsync<RecurringJobSummaryDto[]>("/api/v1/recurring-jobs");

        Assert.InRange(created.GeneratedTickets.Count, 14, 15);
        Assert.Equal(created.GeneratedTickets.Select(g => g.TicketId), read!.GeneratedTickets.Select(g => g.TicketId));
        Assert.Equal(created.GeneratedTickets.Count, created.GeneratedTickets.Select(g => g.Date).Distinct().Count());
        Assert.Equal("Active", read.Status);
        Assert.Equal(read.GeneratedTickets[0].TicketId, read.NextOccurrences[0].TicketId);
        Assert.Equal(created.Id, Assert.Single(list!).Id);
        foreach (var generated in read.GeneratedTickets)
        {
            var ticket = await company.Dispatcher.GetFromJsonAsync<TicketDto>($"/api/v1/tickets/{generated.TicketId}");
            Assert.Equal("Scheduled", ticket!.Status);
            Assert.Equal("Pool maintenance", ticket.Description);
            var localStart = TimeZoneInfo.ConvertTime(ticket.ArrivalWindow!.Start, Lisbon);
            Assert.Equal((generated.Date, new TimeOnly(9, 0)), (localStart.ToString("yyyy-MM-dd"), TimeOnly.FromDateTime(localStart.DateTime)));
        }
    }

    [Fact]
    public async Task TheList_PagesOldestFirst_AndTheLinkHeaderLeadsThroughEverySeriesOnce()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var created = new List<string>();
        for (var i = 0; i < 3; i++) created.Add((await CreateAsync(company)).Id);

        using var first = await company.Dispatcher.GetAsync("/api/v1/recurring-jobs?limit=2");
        var next = first.Headers.GetValues("Link").Single();
        using var second = await company.Dispatcher.GetAsync(next[1..next.IndexOf('>', StringComparison.Ordinal)]);
        var listed = (await first.Content.ReadFromJsonAsync<RecurringJobSummaryDto[]>())!.Concat((await second.Content.ReadFromJsonAsync<RecurringJobSummaryDto[]>())!);

        Assert.EndsWith("rel=\"next\"", next, StringComparison.Ordinal);
        Assert.False(second.Headers.Contains("Link"));
        Assert.Equal(created, listed.Select(s => s.Id));
    }

    [Fact]
    public async Task AnotherCompanysDispatcher_CannotSeeOrStopTheSeries_NorItsTickets()
    {
        var ours = await TenantScenario.CreateAsync(_app);
        var theirs = await TenantScenario.CreateAsync(_app, "Other Irrigation");
        var series = await CreateAsync(ours);

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.Dispatcher.GetAsync($"/api/v1/recurring-jobs/{series.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.Dispatcher.DeleteAsync($"/api/v1/recurring-jobs/{series.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.Dispatcher.GetAsync($"/api/v1/tickets/{series.GeneratedTickets[0].TicketId}")).StatusCode);
        Assert.Empty((await theirs.Dispatcher.GetFromJsonAsync<RecurringJobSummaryDto[]>("/api/v1/recurring-jobs"))!);
        Assert.Equal("Active", (await ours.Dispatcher.GetFromJsonAsync<RecurringJobDto>($"/api/v1/recurring-jobs/{series.Id}"))!.Status);
    }

    [Fact]
    public async Task DeletingASeries_StopsIt_AndCancelsItsFutureTickets()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var series = await CreateAsync(company);
        var future = series.GeneratedTickets[^1].TicketId;

        var deleted = await company.Dispatcher.DeleteAsync($"/api/v1/recurring-jobs/{series.Id}");
        var read = await company.Dispatcher.GetFromJsonAsync<RecurringJobDto>($"/api/v1/recurring-jobs/{series.Id}");
        var ticket = await company.Dispatcher.GetFromJsonAsync<TicketDto>($"/api/v1/tickets/{future}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("Stopped", read!.Status);
        Assert.Equal(company.Email, read.StoppedBy);
        Assert.Empty(read.NextOccurrences);
        Assert.Equal("Cancelled", ticket!.Status);
        Assert.Equal(HttpStatusCode.NoContent, (await company.Dispatcher.DeleteAsync($"/api/v1/recurring-jobs/{series.Id}")).StatusCode);
    }

    private static readonly (string Recurrence, string Field)[] BadRecurrences =
    [
        ("""{ "weekdays": ["Funday"], "windowStart": "09:00", "windowEnd": "12:00", "timeZone": "Europe/Lisbon", "startDate": "2026-03-02" }""", "recurrence.weekdays"),
        ("""{ "weekdays": [], "windowStart": "09:00", "windowEnd": "12:00", "timeZone": "Europe/Lisbon", "startDate": "2026-03-02" }""", "recurrence.weekdays"),
        ("""{ "weekdays": ["Monday"], "windowStart": "12:00", "windowEnd": "09:00", "timeZone": "Europe/Lisbon", "startDate": "2026-03-02" }""", "recurrence.windowEnd"),
        ("""{ "weekdays": ["Monday"], "windowStart": "9am", "windowEnd": "12:00", "timeZone": "Europe/Lisbon", "startDate": "2026-03-02" }""", "recurrence.windowStart"),
        ("""{ "weekdays": ["Monday"], "windowStart": "09:00", "windowEnd": "12:00", "timeZone": "Mars/Olympus_Mons", "startDate": "2026-03-02" }""", "recurrence.timeZone"),
        ("""{ "intervalWeeks": 0, "weekdays": ["Monday"], "windowStart": "09:00", "windowEnd": "12:00", "timeZone": "Europe/Lisbon", "startDate": "2026-03-02" }""", "recurrence.intervalWeeks"),
        ("""{ "intervalWeeks": 53, "weekdays": ["Monday"], "windowStart": "09:00", "windowEnd": "12:00", "timeZone": "Europe/Lisbon", "startDate": "2026-03-02" }""", "recurrence.intervalWeeks"),
        ("""{ "weekdays": ["Monday"], "windowStart": "09:00", "windowEnd": "12:00", "timeZone": "Europe/Lisbon", "startDate": "02/03/2026" }""", "recurrence.startDate"),
        ("""{ "weekdays": ["Monday"], "windowStart": "09:00", "windowEnd": "12:00", "timeZone": "Europe/Lisbon", "startDate": "2026-03-02", "endDate": "2026-03-01" }""", "recurrence.endDate"),
        ("""{ "weekdays": ["Monday"], "windowStart": "09:00", "windowEnd": "12:00", "timeZone": "Europe/Lisbon", "startDate": "2026-03-02", "count": 0 }""", "recurrence.count"),
        ("null", "recurrence"),
    ];

    [Fact]
    public async Task BadRecurrences_GetAValidationProblemNamingTheField()
    {
        // One company for every case: sign-ins are rate limited per client address.
        var company = await TenantScenario.CreateAsync(_app);
        var site = await company.SiteAsync();

        foreach (var (recurrence, field) in BadRecurrences)
        {
            var body = JsonSerializer.Serialize(Daily(site)).Replace("\"recurrence\":{", "\"recurrence\":" + recurrence + ",\"ignored\":{", StringComparison.Ordinal);

            var response = await company.Dispatcher.PostAsync("/api/v1/recurring-jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem.RootElement}");
            Assert.NotEmpty(messages.EnumerateArray().Single().GetString()!);
        }

        Assert.Empty(await company.Dispatcher.GetFromJsonAsync<RecurringJobSummaryDto[]>("/api/v1/recurring-jobs") ?? []);
    }

    [Fact]
    public async Task ATicketTemplateWithItsOwnArrivalWindowOrBadFields_IsRejected_AndMalformedJsonIsA400()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var request = new
        {
            ticket = new { customerId = "", propertyId = "p", address = "x", estimatedMinutes = 30, arrivalWindow = new { start = DateTimeOffset.UtcNow, end = DateTimeOffset.UtcNow.AddHours(1) } },
            recurrence = new { weekdays = new[] { "Monday" }, windowStart = "09:00", windowEnd = "12:00", timeZone = "Europe/Lisbon", startDate = TodayInLisbon },
        };

        var response = await company.Dispatcher.PostAsJsonAsync("/api/v1/recurring-jobs", request);
        var malformed = await company.Dispatcher.PostAsync("/api/v1/recurring-jobs", new StringContent("""{ "recurrence": { "intervalWeeks": "often" } }""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "ticket.customerId", "ticket.location", "ticket.arrivalWindow" }) Assert.Contains(field, body);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task AnIdThatIsNotOne_IsNotFound()
    {
        var company = await TenantScenario.CreateAsync(_app);

        Assert.Equal(HttpStatusCode.NotFound, (await company.Dispatcher.GetAsync("/api/v1/recurring-jobs/not-an-id")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await company.Dispatcher.GetAsync($"/api/v1/recurring-jobs/{Guid.NewGuid():N}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await company.Dispatcher.DeleteAsync($"/api/v1/recurring-jobs/{Guid.NewGuid():N}")).StatusCode);
    }
}
