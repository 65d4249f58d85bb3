using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Chat.ChatScenario;

namespace OrleansPortal.Web.Tests.Chat;

/// <summary>
/// Who may open which thread, by API and by hub, and that internal notes never reach customers. Each test has its own
/// app, so the sign-in rate limits never interfere.
/// </summary>
public sealed class ChatAuthorizationTests
{
    private const string Portal = ChatMessageMapping.PortalBase;
    private const string Team = ChatMessageMapping.TeamBase;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task CustomerCannotReadPostOrMarkAnotherCustomersThreads_EvenByGuessedIds()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var (smiths, smith, _, smithJob) = await CustomerWithJobAsync(company, "Smiths");
        var (joneses, jones, _, jonesJob) = await CustomerWithJobAsync(company, "Joneses");
        var secret = await jones.SendAsync(Portal, General(joneses.Id), "Our alarm code is 4321.");
        await jones.SendAsync(Portal, Job(jonesJob), "Back gate is open.");

        var foreign = new[] { General(joneses.Id), Job(jonesJob), General(Guid.NewGuid().ToString("N")), Job(Guid.NewGuid().ToString("N")),
            Job(joneses.Id), General(jonesJob), "customer:" + smiths.Id.ToUpperInvariant(), "customer:../" + smiths.Id, "nonsense", "job:" };
        foreach (var thread in foreign)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await smith.GetAsync($"{Portal}/{Uri.EscapeDataString(thread)}/messages")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await smith.PostAsync(Portal, Uri.EscapeDataString(thread), "mine now")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await smith.PostAsJsonAsync($"{Portal}/{Uri.EscapeDataString(thread)}/read", new { upTo = secret.Id })).StatusCode);
        }

        var mine = await smith.GetFromJsonAsync<PortalThreadDto[]>(Portal, ApiJson.Options);
        Assert.Equal([General(smiths.Id), Job(smithJob)], mine!.Select(t => t.ThreadId));
        Assert.Equal(2, (await jones.PageAsync(Portal, General(joneses.Id))).Messages.Length + (await jones.PageAsync(Portal, Job(jonesJob))).Messages.Length);
        // Smith's own thread does not know Jones's message ids either.
        Assert.Equal(HttpStatusCode.NotFound, (await smith.PostAsJsonAsync($"{Portal}/{General(smiths.Id)}/read", new { upTo = secret.Id })).StatusCode);
    }

    [Fact]
    public async Task CustomerCannotDownloadAnotherCustomersAttachment_EvenWithItsId()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var (smiths, smith, _, smithJob) = await CustomerWithJobAsync(company, "Smiths");
        var (_, jones, _, jonesJob) = await CustomerWithJobAsync(company, "Joneses");
        var posted = await jones.PostAsync($"{Portal}/{Job(jonesJob)}/messages", Form("our house", ("house.png", Png(), "image/png")));
        var attachment = (await posted.Content.ReadFromJsonAsync<ChatMessageDto>(ApiJson.Options))!.Attachments.Single();
        await smith.SendAsync(Portal, Job(smithJob), "hello");

        Assert.Equal(HttpStatusCode.OK, (await jones.GetAsync(attachment.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await smith.GetAsync(attachment.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await smith.GetAsync($"{Portal}/{Job(smithJob)}/attachments/{attachment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await smith.GetAsync($"{Portal}/{General(smiths.Id)}/attachments/{attachment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await smith.GetAsync($"{Portal}/{Job(smithJob)}/attachments/..%2F..%2Fportal.db")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await company.Dispatcher.GetAsync($"{Team}/{Job(jonesJob)}/attachments/{attachment.Id}")).StatusCode);
    }

    [Fact]
    public async Task PropertyManager_ReachesOnlyJobsAtGrantedSites_ByApiAndHub()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var client = await CustomerScenario.CreateAsync(company, "Harbour Offices Ltd", "Commercial");
        var north = await client.AddPropertyAsync("North office");
        var south = await client.AddPropertyAsync("South office");
        var northJob = await client.AddJobAsync(north.Id, "North boiler");
        var southJob = await client.AddJobAsync(south.Id, "South boiler");
        var contact = await client.AddContactAsync(UniqueEmail(), "PropertyManager", north.Id);
        var manager = await client.SignInAsync(contact.Id);
        await company.Dispatcher.SendAsync(Team, Job(southJob), "South office: parts ordered.");

        var threads = await manager.GetFromJsonAsync<PortalThreadDto[]>(Portal, ApiJson.Options);
        Assert.Equal([General(client.Id), Job(northJob)], threads!.Select(t => t.ThreadId));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"{Portal}/{Job(northJob)}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Portal}/{Job(southJob)}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync(Portal, Job(southJob), "what about south?")).StatusCode);

        await using var hub = await SignalRTestClient.ConnectAsync(app, PortalChatHub.Path, CookieOf(manager));
        await hub.InvokeAsync("Join", Job(northJob));
        await Assert.ThrowsAsync<InvalidOperationException>(() => hub.InvokeAsync("Join", Job(southJob)));
        await company.Dispatcher.SendAsync(Team, Job(southJob), "South office: technician booked.");
        await company.Dispatcher.SendAsync(Team, Job(northJob), "North office: all done.");
        Assert.Equal("North office: all done.", (await hub.NextAsync("Message", Wait)).GetProperty("text").GetString());
        Assert.Empty(hub.Drain());
    }

    [Fact]
    public async Task AnotherTenantsDispatcher_CannotReadPostListOrJoin()
    {
        using var app = new PortalFactory();
        var acme = await TenantScenario.CreateAsync(app, "Acme Irrigation");
        var bolt = await TenantScenario.CreateAsync(app, "Bolt HVAC");
        var (customer, contact, _, job) = await CustomerWithJobAsync(acme);
        var message = await contact.SendAsync(Portal, Job(job), "Water everywhere!");

        foreach (var thread in new[] { Job(job), General(customer.Id) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await bolt.Dispatcher.GetAsync($"{Team}/{thread}/messages")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await bolt.Dispatcher.PostAsync(Team, thread, "We can fix it cheaper.")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await bolt.Dispatcher.PostAsJsonAsync($"{Team}/{thread}/read", new { upTo = message.Id })).StatusCode);
        }
        Assert.Empty((await bolt.Dispatcher.GetFromJsonAsync<TeamThreadDto[]>(Team, ApiJson.Options))!);

        await using var spy = await SignalRTestClient.ConnectAsync(app, TeamChatHub.Path, bolt.Cookie);
        await Assert.ThrowsAsync<InvalidOperationException>(() => spy.InvokeAsync("Join", Job(job)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => spy.InvokeAsync("Join", General(customer.Id)));
        await contact.SendAsync(Portal, Job(job), "Still waiting.");
        // A message in Bolt's own company, as a barrier: once it arrived, Acme's would have too.
        var (boltCustomer, boltContact, _, boltJob) = await CustomerWithJobAsync(bolt, "Bolt customer");
        await boltContact.SendAsync(Portal, Job(boltJob), "Bolt's own message");
        Assert.Equal(Job(boltJob), (await spy.NextAsync("ThreadActivity", Wait)).GetProperty("threadId").GetString());
        Assert.Empty(spy.Drain());
        Assert.Single((await acme.Dispatcher.GetFromJsonAsync<TeamThreadDto[]>(Team, ApiJson.Options))!);
    }

    [Fact]
    public async Task InternalNotes_NeverReachTheCustomer_InHistorySummariesAttachmentsOrLive()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var (_, contact, _, job) = await CustomerWithJobAsync(company);
        await using var customerHub = await SignalRTestClient.ConnectAsync(app, PortalChatHub.Path, CookieOf(contact));
        await using var teamHub = await SignalRTestClient.ConnectAsync(app, TeamChatHub.Path, company.Cookie);
        await customerHub.InvokeAsync("Join", Job(job));
        await teamHub.InvokeAsync("Join", Job(job));

        var notePost = await company.Dispatcher.PostAsync($"{Team}/{Job(job)}/messages", InternalForm("Customer is difficult; send two technicians.", ("notes.png", Png(), "image/png")));
        var note = (await notePost.Content.ReadFromJsonAsync<ChatMessageDto>(ApiJson.Options))!;
        Assert.True(note.Internal);
        var reply = await company.Dispatcher.SendAsync(Team, Job(job), "We will be there at 10.");

        // Live: the team gets both in order; the customer's first message is the reply, and nothing else follows.
        Assert.Equal(note.Id, (await teamHub.NextAsync("Message", Wait)).GetProperty("id").GetString());
        Assert.Equal(reply.Id, (await teamHub.NextAsync("Message", Wait)).GetProperty("id").GetString());
        var live = await customerHub.NextAsync("Message", Wait);
        Assert.Equal(reply.Id, live.GetProperty("id").GetString());
        Assert.False(live.GetProperty("internal").GetBoolean());
        Assert.Null(live.GetProperty("author").GetProperty("email").GetString()); // team emails stay with the team
        Assert.DoesNotContain(customerHub.Drain(), m => m.Arguments.GetRawText().Contains("difficult", StringComparison.Ordinal));

        // History, summaries, read markers, attachments.
        var history = await contact.PageAsync(Portal, Job(job));
        Assert.Equal([reply.Id], history.Messages.Select(m => m.Id));
        var summary = (await contact.GetFromJsonAsync<PortalThreadDto[]>(Portal, ApiJson.Options))!.Single(t => t.ThreadId == Job(job));
        Assert.Equal((1, reply.Id), (summary.Unread, summary.Last!.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync($"{Portal}/{Job(job)}/messages?before={note.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contact.PostAsJsonAsync($"{Portal}/{Job(job)}/read", new { upTo = note.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync($"{Portal}/{Job(job)}/attachments/{note.Attachments[0].Id}")).StatusCode);
        Assert.Equal(2, (await company.Dispatcher.PageAsync(Team, Job(job))).Messages.Length);
    }

    [Fact]
    public async Task CustomerSaysInternal_IsAnOrdinaryMessage()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var (_, contact, _, job) = await CustomerWithJobAsync(company);

        var sent = await contact.SendAsync(Portal, Job(job), "Just between us", isInternal: true);

        Assert.False(sent.Internal);
        Assert.False((await company.Dispatcher.PageAsync(Team, Job(job))).Messages.Single().Internal);
    }

    [Fact]
    public async Task CustomerHubJoin_RefusesOtherCustomersAndTenants_AndDeliversNothingOfTheirs()
    {
        using var app = new PortalFactory();
        var acme = await TenantScenario.CreateAsync(app, "Acme Irrigation");
        var bolt = await TenantScenario.CreateAsync(app, "Bolt HVAC");
        var (smiths, smith, _, smithJob) = await CustomerWithJobAsync(acme, "Smiths");
        var (joneses, jones, _, jonesJob) = await CustomerWithJobAsync(acme, "Joneses");
        var (boltCustomer, boltContact, _, boltJob) = await CustomerWithJobAsync(bolt, "Bolt customer");
        await using var hub = await SignalRTestClient.ConnectAsync(app, PortalChatHub.Path, CookieOf(smith));

        foreach (var thread in new[] { General(joneses.Id), Job(jonesJob), General(boltCustomer.Id), Job(boltJob), General(Guid.NewGuid().ToString("N")), "job:../x", "" })
            await Assert.ThrowsAsync<InvalidOperationException>(() => hub.InvokeAsync("Join", thread));
        await hub.InvokeAsync("Join", General(smiths.Id));

        await jones.SendAsync(Portal, General(joneses.Id), "Jones general");
        await jones.SendAsync(Portal, Job(jonesJob), "Jones job");
        await boltContact.SendAsync(Portal, Job(boltJob), "Bolt job");
        await acme.Dispatcher.SendAsync(Team, General(smiths.Id), "For the Smiths");
        Assert.Equal("For the Smiths", (await hub.NextAsync("Message", Wait)).GetProperty("text").GetString());
        Assert.Empty(hub.Drain());
        // A thread of their own that was not joined is not delivered either.
        await acme.Dispatcher.SendAsync(Team, Job(smithJob), "About your job");
        await acme.Dispatcher.SendAsync(Team, General(smiths.Id), "Second for the Smiths");
        Assert.Equal("Second for the Smiths", (await hub.NextAsync("Message", Wait)).GetProperty("text").GetString());
        Assert.Empty(hub.Drain());
    }

    [Fact]
    public async Task EachHub_AcceptsOnlyItsOwnKindOfCookie()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var (_, contact, _, _) = await CustomerWithJobAsync(company);

        Assert.Equal(HttpStatusCode.Unauthorized, (await contact.PostAsync($"{TeamChatHub.Path}/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await company.Dispatcher.PostAsync($"{PortalChatHub.Path}/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsync($"{PortalChatHub.Path}/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await contact.PostAsync($"{PortalChatHub.Path}/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await company.Dispatcher.PostAsync($"{TeamChatHub.Path}/negotiate?negotiateVersion=1", null)).StatusCode);
        // And each API alike.
        Assert.Equal(HttpStatusCode.Unauthorized, (await contact.GetAsync(Team)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await company.Dispatcher.GetAsync(Portal)).StatusCode);
    }

    private static string CookieOf(HttpClient client) => client.DefaultRequestHeaders.GetValues("Cookie").Single();

    private static MultipartFormDataContent InternalForm(string text, (string, byte[], string) file)
    {
        var form = Form(text, file);
        form.Add(new StringContent("true"), "internal");
        return form;
    }
}
