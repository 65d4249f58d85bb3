using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Support.Cases;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Support;

/// <summary>
/// Support cases through the whole app: a customer opens one in the portal, the team works it from the queue (reply,
/// note, assignment), and each side sees what is theirs to see; bad input names its field; another company's team and
/// another customer see nothing. On both databases where the queue's table is read.
/// </summary>
public sealed class CaseApiTests : IAsyncLifetime
{
    private PostgresDatabase? _database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ACustomersCase_IsAnsweredByTheTeam_AndEachSideSeesWhatIsTheirs(string storage)
    {
        using var app = await NewAppAsync(storage);
        var (company, customer, maria, home) = await CustomerAsync(app);

        var opened = await maria.PostAsJsonAsync("/api/v1/portal/cases", new
        {
            category = "quality", priority = "High", subject = "  Water in the valve box ", description = "The valve box is flooded since last night.", propertyId = home,
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var created = (await opened.Content.ReadFromJsonAsync<CaseDto>(ApiJson.Options))!;
        Assert.Equal(("C-00001", "New", "Quality", "High", "Portal", "Water in the valve box", home), (created.DisplayNumber, created.Status, created.Category, created.Priority, created.Channel, created.Subject, created.PropertyId));
        Assert.Equal(opened.Headers.Location!.ToString(), $"/api/v1/portal/cases/{created.Id}");

        // The team: the queue, a note, the assignment, a reply.
        var queue = (await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases?status=New,Open", ApiJson.Options))!;
        Assert.Equal([created.Id], queue.Select(c => c.Id));
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{created.Id}/notes", new { text = "Probably the valve fitted in May." })).EnsureSuccessStatusCode();
        (await company.Dispatcher.PatchAsJsonAsync($"/api/v1/support/cases/{created.Id}", new { assigneeEmail = company.Email.ToUpperInvariant() })).EnsureSuccessStatusCode();
        var answered = await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{created.Id}/replies", new { text = "We will come on Tuesday morning." });
        var team = (await answered.Content.ReadFromJsonAsync<CaseDto>(ApiJson.Options))!;
        Assert.Equal(("WaitingOnCustomer", company.Email), (team.Status, team.AssigneeEmail));
        Assert.NotNull(team.FirstResponseAt);
        Assert.Contains(team.Entries, e => e is { Kind: "Note", Text: "Probably the valve fitted in May." });
        Assert.Contains(team.Entries, e => e is { Kind: "Change", Field: "assignee" } && e.To == company.Email);

        // The customer: messages only, no assignee; their reply opens the case again.
        var seen = (await maria.GetFromJsonAsync<CaseDto>($"/api/v1/portal/cases/{created.Id}", ApiJson.Options))!;
        Assert.Equal(["The valve box is flooded since last night.", "We will come on Tuesday morning."], seen.Entries.Select(e => e.Text));
        Assert.All(seen.Entries, e => Assert.Equal("Message", e.Kind));
        Assert.Null(seen.AssigneeEmail);
        var back = await maria.PostAsJsonAsync($"/api/v1/portal/cases/{created.Id}/replies", new { text = "Tuesday is fine." });
        Assert.Equal("Open", (await back.Content.ReadFromJsonAsync<CaseDto>(ApiJson.Options))!.Status);
        var mine = (await maria.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/portal/cases", ApiJson.Options))!;
        Assert.Equal([("C-00001", "Open")], mine.Select(c => (c.DisplayNumber, c.Status)));
        Assert.All(mine, c => Assert.Null(c.AssigneeEmail));

        // The queue's filters.
        Assert.Equal([created.Id], await QueueAsync(company, $"assignee={Uri.EscapeDataString(company.Email)}"));
        Assert.Empty(await QueueAsync(company, "assignee=none"));
        Assert.Empty(await QueueAsync(company, "status=Resolved"));
        Assert.Equal([created.Id], await QueueAsync(company, $"priority=high&category=Quality&customerId={customer.Id}"));
    }

    [Fact]
    public async Task ACaseAboutAJob_IsAboutItsSiteToo_SoTheSitesManagerSeesIt_AndOthersDoNot()
    {
        using var app = new PortalFactory();
        var (_, customer, maria, home) = await CustomerAsync(app);
        var office = (await customer.AddPropertyAsync("Office")).Id;
        var job = await customer.AddJobAsync(home, "Sprinklers replaced");
        var homeManager = await customer.SignInAsync((await customer.AddContactAsync($"hm-{Guid.NewGuid():N}@example.test", "PropertyManager", home)).Id);
        var officeManager = await customer.SignInAsync((await customer.AddContactAsync($"om-{Guid.NewGuid():N}@example.test", "PropertyManager", office)).Id);

        var opened = await maria.PostAsJsonAsync("/api/v1/portal/cases", new { subject = "The new sprinklers leak", description = "At the back.", ticketId = job });
        var created = (await opened.Content.ReadFromJsonAsync<CaseDto>(ApiJson.Options))!;

        Assert.Equal((home, job), (created.PropertyId, created.TicketId));
        Assert.Equal([created.Id], (await homeManager.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/portal/cases", ApiJson.Options))!.Select(c => c.Id));
        Assert.Empty((await officeManager.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/portal/cases", ApiJson.Options))!);
        Assert.Equal(HttpStatusCode.NotFound, (await officeManager.GetAsync($"/api/v1/portal/cases/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officeManager.PostAsJsonAsync("/api/v1/portal/cases", new { subject = "S", description = "D", ticketId = job })).StatusCode);
    }

    [Fact]
    public async Task ResolvedThenClosed_TakesNoMoreMessages_AndStatusesAreTheTeams()
    {
        using var app = new PortalFactory();
        var (company, _, maria, _) = await CustomerAsync(app);
        var id = await OpenAsync(maria);

        await ValidationProblems.AssertNamesFieldAsync(await maria.PostAsJsonAsync($"/api/v1/portal/cases/{id}/replies", new { text = "Done?", status = "Resolved" }), "status");
        Assert.Equal(HttpStatusCode.Conflict, (await company.Dispatcher.PatchAsJsonAsync($"/api/v1/support/cases/{id}", new { status = "Closed" })).StatusCode);
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{id}/replies", new { text = "Fixed.", status = "Resolved" })).EnsureSuccessStatusCode();
        (await company.Dispatcher.PatchAsJsonAsync($"/api/v1/support/cases/{id}", new { status = "Closed" })).EnsureSuccessStatusCode();

        var late = await maria.PostAsJsonAsync($"/api/v1/portal/cases/{id}/replies", new { text = "It leaks again." });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("closed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await maria.GetFromJsonAsync<CaseDto>($"/api/v1/portal/cases/{id}", ApiJson.Options))!.Entries.Count);
    }

    [Fact]
    public async Task BadInput_NamesItsField_AndOpensNothing()
    {
        using var app = new PortalFactory();
        var (company, _, maria, _) = await CustomerAsync(app);
        const string cases = "/api/v1/portal/cases";

        await ValidationProblems.AssertNamesFieldAsync(await maria.PostAsJsonAsync(cases, new { description = "No subject" }), "subject");
        await ValidationProblems.AssertNamesFieldAsync(await maria.PostAsJsonAsync(cases, new { subject = "No description", description = "  " }), "description");
        await ValidationProblems.AssertNamesFieldAsync(await maria.PostAsJsonAsync(cases, new { subject = "S", description = "D", category = "Gossip" }), "category");
        await ValidationProblems.AssertNamesFieldAsync(await maria.PostAsJsonAsync(cases, new { subject = "S", description = "D", priority = "2" }), "priority");
        await ValidationProblems.AssertNamesFieldAsync(await maria.PostAsJsonAsync(cases, new { subject = "S\u202Eevil", description = "D" }), "subject");
        await ValidationProblems.AssertNamesFieldAsync(await maria.PostAsJsonAsync(cases, new { subject = "S", description = "D", propertyId = "nope" }), "propertyId");
        Assert.Equal(HttpStatusCode.NotFound, (await maria.PostAsJsonAsync(cases, new { subject = "S", description = "D", propertyId = new string('e', 32) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await maria.PostAsJsonAsync(cases, new { subject = "S", description = "D", ticketId = new string('e', 32) })).StatusCode);
        Assert.Empty((await maria.GetFromJsonAsync<CaseSummaryDto[]>(cases, ApiJson.Options))!);

        var id = await OpenAsync(maria);
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PatchAsJsonAsync($"/api/v1/support/cases/{id}", new { assigneeEmail = "stranger@example.test" }), "assigneeEmail");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PatchAsJsonAsync($"/api/v1/support/cases/{id}", new { status = "Sleeping" }), "status");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{id}/replies", new { text = "Hi", status = "Closed" }), "status");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{id}/notes", new { text = "" }), "text");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.GetAsync("/api/v1/support/cases?status=New,Sleeping"), "status");
        var untouched = (await company.Dispatcher.GetFromJsonAsync<CaseDto>($"/api/v1/support/cases/{id}", ApiJson.Options))!;
        Assert.Equal(("New", null, 1), (untouched.Status, untouched.AssigneeEmail, untouched.Entries.Count));
    }

    [Fact]
    public async Task AnotherCompanysTeam_AndAnotherCustomer_SeeNothingOfTheCase()
    {
        using var app = new PortalFactory();
        var (_, _, maria, _) = await CustomerAsync(app);
        var id = await OpenAsync(maria);
        var (other, _, stranger, _) = await CustomerAsync(app, "Bolt HVAC");

        Assert.Empty(await QueueAsync(other, ""));
        foreach (var call in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => other.Dispatcher.GetAsync($"/api/v1/support/cases/{id}"),
                     () => other.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{id}/replies", new { text = "Hello from elsewhere" }),
                     () => other.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{id}/notes", new { text = "A note" }),
                     () => other.Dispatcher.PatchAsJsonAsync($"/api/v1/support/cases/{id}", new { priority = "Low" }),
                     () => stranger.GetAsync($"/api/v1/portal/cases/{id}"),
                     () => stranger.PostAsJsonAsync($"/api/v1/portal/cases/{id}/replies", new { text = "Me too" }),
                 })
            Assert.Equal(HttpStatusCode.NotFound, (await call()).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/portal/cases", ApiJson.Options))!);
        var unchanged = (await maria.GetFromJsonAsync<CaseDto>($"/api/v1/portal/cases/{id}", ApiJson.Options))!;
        Assert.Equal(("New", "Normal", 1), (unchanged.Status, unchanged.Priority, unchanged.Entries.Count));
    }

    [Fact]
    public async Task ADuplicate_IsMergedByTheOtherCasesNumber_AndTheCustomerSeesOneOpenCase()
    {
        using var app = new PortalFactory();
        var (company, _, maria, _) = await CustomerAsync(app);
        var (other, _, stranger, _) = await CustomerAsync(app, "Bolt HVAC");
        var first = await OpenAsync(maria);
        var duplicate = await OpenAsync(maria);
        var foreign = await OpenAsync(stranger);

        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{duplicate}/merge", new { into = "C-99999" }), "into");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{duplicate}/merge", new { into = "first one" }), "into");
        Assert.Equal(HttpStatusCode.Conflict, (await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{duplicate}/merge", new { into = "C-00002" })).StatusCode); // itself
        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{duplicate}/merge", new { into = "1" })).StatusCode);
        var merged = await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{duplicate}/merge", new { into = "c-00001" });

        Assert.Equal("Closed", (await merged.Content.ReadFromJsonAsync<CaseDto>(ApiJson.Options))!.Status);
        Assert.Equal(2, (await maria.GetFromJsonAsync<CaseDto>($"/api/v1/portal/cases/{first}", ApiJson.Options))!.Entries.Count);
        Assert.Equal([("C-00001", "New"), ("C-00002", "Closed")],
            (await maria.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/portal/cases", ApiJson.Options))!.OrderBy(c => c.Number).Select(c => (c.DisplayNumber, c.Status)));
        Assert.Single((await stranger.GetFromJsonAsync<CaseDto>($"/api/v1/portal/cases/{foreign}", ApiJson.Options))!.Entries);
    }

    [Fact]
    public async Task SavedReplies_AreTheCompanysOwn_WithUniqueTitles()
    {
        using var app = new PortalFactory();
        var (company, _, _, _) = await CustomerAsync(app);
        var (other, _, _, _) = await CustomerAsync(app, "Bolt HVAC");
        const string saved = "/api/v1/support/canned-replies";

        var added = await company.Dispatcher.PostAsJsonAsync(saved, new { title = "Pending authorisation", text = "It drops in a few days." });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var reply = (await added.Content.ReadFromJsonAsync<CannedReplyDto>(ApiJson.Options))!;
        Assert.Equal(HttpStatusCode.Conflict, (await company.Dispatcher.PostAsJsonAsync(saved, new { title = "pending AUTHORISATION", text = "Again" })).StatusCode);
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync(saved, new { title = "", text = "No title" }), "title");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync(saved, new { title = "No text" }), "text");

        Assert.Empty((await other.Dispatcher.GetFromJsonAsync<CannedReplyDto[]>(saved, ApiJson.Options))!);
        Assert.Equal(HttpStatusCode.NoContent, (await other.Dispatcher.DeleteAsync($"{saved}/{reply.Id}")).StatusCode);
        Assert.Equal([reply], (await company.Dispatcher.GetFromJsonAsync<CannedReplyDto[]>(saved, ApiJson.Options))!);
        (await company.Dispatcher.DeleteAsync($"{saved}/{reply.Id}")).EnsureSuccessStatusCode();
        Assert.Empty((await company.Dispatcher.GetFromJsonAsync<CannedReplyDto[]>(saved, ApiJson.Options))!);
    }

    private static async Task<string> OpenAsync(HttpClient contact)
    {
        var opened = await contact.PostAsJsonAsync("/api/v1/portal/cases", new { subject = "Water in the valve box", description = "It is flooded." });
        opened.EnsureSuccessStatusCode();
        return (await opened.Content.ReadFromJsonAsync<CaseDto>(ApiJson.Options))!.Id;
    }

    private static async Task<string[]> QueueAsync(TenantScenario company, string query) =>
        [.. (await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>($"/api/v1/support/cases?{query}", ApiJson.Options))!.Select(c => c.Id)];

    private static async Task<(TenantScenario Company, CustomerScenario Customer, HttpClient Contact, string PropertyId)> CustomerAsync(PortalFactory app, string name = "Acme Irrigation")
    {
        var company = await TenantScenario.CreateAsync(app, name);
        var customer = await CustomerScenario.CreateAsync(company);
        var property = await customer.AddPropertyAsync();
        var contact = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test");
        return (company, customer, await customer.SignInAsync(contact.Id), property.Id);
    }

    private async Task<PortalFactory> NewAppAsync(string storage)
    {
        if (storage != "PostgreSql") return new PortalFactory();
        _database = new PostgresDatabase();
        await _database.InitializeAsync();
        return _database.App();
    }
}
