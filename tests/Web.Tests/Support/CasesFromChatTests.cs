using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Support.Cases;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Chat.ChatScenario;

namespace OrleansPortal.Web.Tests.Support;

/// <summary>
/// The team turns a chat into a case: the job's thread becomes a case of its customer, opened as the contact who wrote
/// (who then sees it in the portal), with the conversation as its text and a note in the thread; pressing twice opens
/// one case; another company's thread, an empty thread and a bad subject are refused.
/// </summary>
public sealed class CasesFromChatTests
{
    private const string Team = ChatMessageMapping.TeamBase;
    private const string Portal = ChatMessageMapping.PortalBase;

    [Fact]
    public async Task AJobsChat_BecomesACaseOfItsCustomer_OnceHoweverOftenItIsAsked()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var (customer, contact, _, job) = await CustomerWithJobAsync(company);
        await contact.SendAsync(Portal, Job(job), "The sprinkler in zone 2 still leaks after the visit.");
        await company.Dispatcher.SendAsync(Team, Job(job), "Sorry to hear! Is it the head or the pipe?");
        await contact.SendAsync(Portal, Job(job), "The pipe, near the valve box.");

        var response = await company.Dispatcher.PostAsJsonAsync("/api/v1/support/cases/from-chat", new { threadId = Job(job), subject = "Zone 2 leaks after the visit", category = "Quality" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var opened = (await response.Content.ReadFromJsonAsync<CaseDto>(ApiJson.Options))!;
        var again = (await (await company.Dispatcher.PostAsJsonAsync("/api/v1/support/cases/from-chat", new { threadId = Job(job), subject = "Zone 2 leaks after the visit" }))
            .Content.ReadFromJsonAsync<CaseDto>(ApiJson.Options))!;

        Assert.Equal(opened.Id, again.Id);
        Assert.Equal((customer.Id, job, "Chat", "Quality", "Zone 2 leaks after the visit"), (opened.CustomerId, opened.TicketId, opened.Channel, opened.Category, opened.Subject));
        var text = opened.Entries[0].Text;
        Assert.Contains("The sprinkler in zone 2 still leaks after the visit.", text);
        Assert.Contains("Sorry to hear! Is it the head or the pipe?", text);
        Assert.EndsWith("The pipe, near the valve box.", text);
        Assert.Equal("Customer", opened.Entries[0].AuthorKind);
        var mine = (await contact.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/portal/cases", ApiJson.Options))!;
        Assert.Equal(opened.Id, Assert.Single(mine).Id); // opened as the contact: theirs to follow
        var notes = (await company.Dispatcher.PageAsync(Team, Job(job))).Messages.Where(m => m.Internal).ToList();
        Assert.Equal($"Case {opened.DisplayNumber} opened from this conversation: Zone 2 leaks after the visit", Assert.Single(notes).Text);
        Assert.DoesNotContain((await contact.PageAsync(Portal, Job(job))).Messages, m => m.Text.StartsWith("Case ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OtherCompaniesThreads_EmptyThreads_AndBadRequests_AreRefused()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var other = await TenantScenario.CreateAsync(app, "Other Company");
        var (customer, _, _, job) = await CustomerWithJobAsync(company);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.PostAsJsonAsync("/api/v1/support/cases/from-chat", new { threadId = Job(job), subject = "Mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await company.Dispatcher.PostAsJsonAsync("/api/v1/support/cases/from-chat", new { threadId = "job:../../x", subject = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await company.Dispatcher.PostAsJsonAsync("/api/v1/support/cases/from-chat", new { threadId = General(customer.Id), subject = "Nothing said" })).StatusCode);
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync("/api/v1/support/cases/from-chat", new { threadId = Job(job), subject = " " }), "subject");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync("/api/v1/support/cases/from-chat", new { threadId = Job(job), subject = "Leak", category = "Gardening" }), "category");
        Assert.Empty((await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!);
    }
}

/// <summary>
/// With the company's consent, a chat message sent while nobody of the team is online opens a case (one per thread and
/// day, which the day's later offline messages join) and an automatic answer says so; with someone online, or without
/// the consent, the chat stays a chat.
/// </summary>
public sealed class OfflineChatCasesTests
{
    private const string Portal = ChatMessageMapping.PortalBase;

    [Fact]
    public async Task MessagesWhileNobodyIsOnline_OpenOneCaseADay_AndTheCustomerIsToldInTheChat()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var (customer, contact, _, job) = await CustomerWithJobAsync(company);
        await contact.SendAsync(Portal, Job(job), "Before the company asked for cases.");
        Assert.Empty((await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!);
        (await company.Dispatcher.PutAsJsonAsync("/api/v1/support/routing", new { offlineChatToCase = true })).EnsureSuccessStatusCode();

        await contact.SendAsync(Portal, Job(job), "Is anyone there? The valve box is flooded.");
        await contact.SendAsync(Portal, Job(job), "It is getting worse.");

        var opened = Assert.Single((await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!);
        Assert.Equal(("Chat message while nobody was online", "Chat", customer.Id), (opened.Subject, opened.Channel, opened.CustomerId));
        var full = (await company.Dispatcher.GetFromJsonAsync<CaseDto>($"/api/v1/support/cases/{opened.Id}", ApiJson.Options))!;
        Assert.Equal(["Is anyone there? The valve box is flooded.", "It is getting worse."], full.Entries.Where(e => e.Kind == "Message").Select(e => e.Text));
        var told = (await contact.PageAsync(Portal, Job(job))).Messages.Where(m => m.Author.Name == "Automatic reply").ToList();
        Assert.Contains(opened.DisplayNumber, Assert.Single(told).Text);

        // Someone of the team comes online: the next message is only a chat message.
        await app.Services.GetRequiredService<Orleans.IClusterClient>().GetGrain<OrleansPortal.Grains.Conversations.Presence.IChatPresenceGrain>(company.TenantId)
            .ReportAsync("a-connection", company.Email, "Dana", OrleansPortal.Grains.Conversations.Presence.AgentStatus.Online);
        await contact.SendAsync(Portal, Job(job), "Ah, you are there.");
        var after = (await company.Dispatcher.GetFromJsonAsync<CaseDto>($"/api/v1/support/cases/{opened.Id}", ApiJson.Options))!;
        Assert.Equal(2, after.Entries.Count(e => e.Kind == "Message"));
        Assert.Single((await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!);
    }
}
