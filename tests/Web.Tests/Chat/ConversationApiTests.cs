using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Chat.ChatScenario;

namespace OrleansPortal.Web.Tests.Chat;

/// <summary>Reading, posting, paging, unread counts and attachments through the portal's and the team's conversation APIs.</summary>
public sealed class ConversationApiTests(CompanyFixture fixture) : IClassFixture<CompanyFixture>
{
    private const string Portal = ChatMessageMapping.PortalBase;
    private const string Team = ChatMessageMapping.TeamBase;

    [Fact]
    public async Task History_ComesNewestPageFirst_AndOlderPagesFollowTheCursor()
    {
        var company = fixture.Company;
        var (_, contact, _, job) = await CustomerWithJobAsync(company);
        for (var i = 1; i <= 7; i++)
            await (i % 2 == 0 ? company.Dispatcher.SendAsync(Team, Job(job), $"message {i}") : contact.SendAsync(Portal, Job(job), $"message {i}"));

        var newest = await contact.PageAsync(Portal, Job(job), "?size=3");
        var middle = await contact.PageAsync(Portal, Job(job), $"?size=3&before={newest.Before}");
        var oldest = await contact.PageAsync(Portal, Job(job), $"?size=3&before={middle.Before}");

        Assert.Equal(["message 5", "message 6", "message 7"], newest.Messages.Select(m => m.Text));
        Assert.Equal(["message 2", "message 3", "message 4"], middle.Messages.Select(m => m.Text));
        Assert.Equal(["message 1"], oldest.Messages.Select(m => m.Text));
        Assert.Null(oldest.Before);
        Assert.Equal(7, (await company.Dispatcher.PageAsync(Team, Job(job), "?size=100")).Messages.Length);
    }

    [Fact]
    public async Task PageSize_OutOfRange_OrUnknownCursor_IsRefused()
    {
        var company = fixture.Company;
        var (_, contact, _, job) = await CustomerWithJobAsync(company);
        await contact.SendAsync(Portal, Job(job), "hello");

        foreach (var size in new[] { 0, 101, -5 })
        {
            var response = await contact.GetAsync($"{Portal}/{Job(job)}/messages?size={size}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("size", (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync($"{Portal}/{Job(job)}/messages?before={Guid.NewGuid():N}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync($"{Portal}/{Job(job)}/messages?before=../../x")).StatusCode);
    }

    [Fact]
    public async Task UnreadCounts_CountTheOtherSidesMessages_UntilMarkedRead()
    {
        var company = fixture.Company;
        var (customer, contact, _, job) = await CustomerWithJobAsync(company);
        await contact.SendAsync(Portal, Job(job), "Is anyone coming today?");
        await contact.SendAsync(Portal, Job(job), "The lawn is flooding.");

        var inbox = await company.Dispatcher.GetFromJsonAsync<TeamThreadDto[]>(Team, ApiJson.Options);
        var thread = Assert.Single(inbox!, t => t.ThreadId == Job(job));
        Assert.Equal(2, thread.Unread);
        Assert.Equal("Smiths", thread.CustomerName);
        Assert.Equal(customer.Id, thread.CustomerId);

        var reply = await company.Dispatcher.SendAsync(Team, Job(job), "Yes, Tomás is on his way.");
        // Replying means the team read the thread; the customer now has one unread message.
        Assert.Equal(0, (await company.Dispatcher.GetFromJsonAsync<TeamThreadDto[]>(Team, ApiJson.Options))!.Single(t => t.ThreadId == Job(job)).Unread);
        var mine = (await contact.GetFromJsonAsync<PortalThreadDto[]>(Portal, ApiJson.Options))!;
        Assert.Equal([General(customer.Id), Job(job)], mine.Select(t => t.ThreadId));
        Assert.Equal(1, mine.Single(t => t.ThreadId == Job(job)).Unread);
        Assert.Equal("Yes, Tomás is on his way.", mine.Single(t => t.ThreadId == Job(job)).Last!.Text);

        var read = await contact.PostAsJsonAsync($"{Portal}/{Job(job)}/read", new { upTo = reply.Id });
        Assert.Equal(0, (await read.Content.ReadFromJsonAsync<ReadStateDto>(ApiJson.Options))!.Unread);
        Assert.Equal(0, (await contact.GetFromJsonAsync<PortalThreadDto[]>(Portal, ApiJson.Options))!.Single(t => t.ThreadId == Job(job)).Unread);
    }

    [Fact]
    public async Task MarkRead_IsPerContact_AndNeverMovesBack()
    {
        var company = fixture.Company;
        var (customer, owner, _, job) = await CustomerWithJobAsync(company);
        var partner = await customer.SignInAsync((await customer.AddContactAsync(UniqueEmail())).Id);
        var first = await company.Dispatcher.SendAsync(Team, General(customer.Id), "Your spring check is booked.");
        var second = await company.Dispatcher.SendAsync(Team, General(customer.Id), "Bring the controller key, please.");

        await owner.PostAsJsonAsync($"{Portal}/{General(customer.Id)}/read", new { upTo = second.Id });
        var back = await owner.PostAsJsonAsync($"{Portal}/{General(customer.Id)}/read", new { upTo = first.Id });

        Assert.Equal(0, (await back.Content.ReadFromJsonAsync<ReadStateDto>(ApiJson.Options))!.Unread);
        Assert.Equal(2, (await partner.GetFromJsonAsync<PortalThreadDto[]>(Portal, ApiJson.Options))!.Single(t => t.Kind == "Customer").Unread);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync($"{Portal}/{General(customer.Id)}/read", new { upTo = Guid.NewGuid().ToString("N") })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync($"{Portal}/{General(customer.Id)}/read", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync($"{Portal}/{Job(job)}/read", new { upTo = second.Id })).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyText_IsA400NamingTheField(string text)
    {
        var company = fixture.Company;
        var (_, contact, _, job) = await CustomerWithJobAsync(company);

        await AssertFieldRefusedAsync(await contact.PostAsync(Portal, Job(job), text), "text");
        await AssertFieldRefusedAsync(await company.Dispatcher.PostAsync(Team, Job(job), text), "text");
        Assert.Empty((await contact.PageAsync(Portal, Job(job))).Messages);
    }

    [Fact]
    public async Task TextOf4000Characters_IsKept_And4001_IsRefused()
    {
        var company = fixture.Company;
        var (_, contact, _, job) = await CustomerWithJobAsync(company);

        Assert.Equal(HttpStatusCode.Created, (await contact.PostAsync(Portal, Job(job), new string('a', 4000))).StatusCode);
        await AssertFieldRefusedAsync(await contact.PostAsync(Portal, Job(job), new string('a', 4001)), "text");
        Assert.Single((await contact.PageAsync(Portal, Job(job))).Messages);
    }

    [Fact]
    public async Task MalformedBodies_Are4xxProblems_NeverServerErrors()
    {
        var company = fixture.Company;
        var (_, contact, _, job) = await CustomerWithJobAsync(company);
        var url = $"{Portal}/{Job(job)}/messages";

        var badJson = await contact.PostAsync(url, new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json"));
        var wrongType = await contact.PostAsync(url, new StringContent("text=hi", System.Text.Encoding.UTF8, "text/plain"));
        var badMultipart = await contact.PostAsync(url, new StringContent("--x\r\nnot really", System.Text.Encoding.UTF8, "multipart/form-data"));

        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badMultipart.StatusCode);
        foreach (var response in new[] { badJson, wrongType, badMultipart })
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Images_AreStoredAsWhatTheyDecodeTo_AndServedWithNosniff()
    {
        var company = fixture.Company;
        var (_, contact, _, job) = await CustomerWithJobAsync(company);
        var logo = TestImages.Png(8, 8, transparent: true);

        // Named and declared as a JPEG: the bytes say PNG with transparency, and PNG is what is stored and served.
        var response = await contact.PostAsync($"{Portal}/{Job(job)}/messages", Form("The broken valve", ("valve.jpg", logo, "image/jpeg"), ("box.jpg", TestImages.Jpeg(), "application/octet-stream")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<ChatMessageDto>(ApiJson.Options))!;

        Assert.Equal(["image/png", "image/jpeg"], message.Attachments.Select(a => a.ContentType));
        var download = await contact.GetAsync(message.Attachments[0].Url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var served = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(8, TestImages.Decode(served)!.Width);
        // The team reads the same image through its own API.
        var teamCopy = (await company.Dispatcher.PageAsync(Team, Job(job))).Messages.Single().Attachments[0];
        Assert.Equal(served, await company.Dispatcher.GetByteArrayAsync(teamCopy.Url));
    }

    [Fact]
    public async Task ImageWithoutCaption_IsAccepted_AndAWebpPhotoIsStoredAsJpeg()
    {
        var company = fixture.Company;
        var (_, contact, _, job) = await CustomerWithJobAsync(company);

        var response = await contact.PostAsync($"{Portal}/{Job(job)}/messages", Form("", ("photo.webp", TestImages.WebP(), "image/webp")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("image/jpeg", (await response.Content.ReadFromJsonAsync<ChatMessageDto>(ApiJson.Options))!.Attachments.Single().ContentType);
    }

    [Fact]
    public async Task BadAttachments_AreRefusedWithProblems_AndNothingIsPosted()
    {
        var company = fixture.Company;
        var (_, contact, _, job) = await CustomerWithJobAsync(company);
        var url = $"{Portal}/{Job(job)}/messages";
        var script = "<script>alert(1)</script>"u8.ToArray();

        await AssertFieldRefusedAsync(await contact.PostAsync(url, Form("look", ("photo.png", script, "image/png"))), "files");
        await AssertFieldRefusedAsync(await contact.PostAsync(url, Form("look", ("photo.gif", "GIF89a......"u8.ToArray(), "image/gif"))), "files");
        await AssertFieldRefusedAsync(await contact.PostAsync(url, Form("look", [.. Enumerable.Range(0, 5).Select(i => ($"p{i}.png", Png(), "image/png"))])), "files");
        var tooBig = await contact.PostAsync(url, Form("look", ("huge.png", Png(5 * 1024 * 1024 + 1), "image/png")));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("application/problem+json", tooBig.Content.Headers.ContentType?.MediaType);

        Assert.Empty((await contact.PageAsync(Portal, Job(job))).Messages);
        // Exactly at the limits is fine: four images of 5 MB.
        var atLimit = await contact.PostAsync(url, Form("four", [.. Enumerable.Range(0, 4).Select(i => ($"p{i}.png", Png(5 * 1024 * 1024), "image/png"))]));
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
    }

    [Fact]
    public async Task TeamCanStartAGeneralThread_ButNotForACustomerThatDoesNotExist()
    {
        var company = fixture.Company;
        var (customer, contact, _, _) = await CustomerWithJobAsync(company);

        await company.Dispatcher.SendAsync(Team, General(customer.Id), "Welcome to our portal!");

        Assert.Equal("Welcome to our portal!", (await contact.PageAsync(Portal, General(customer.Id))).Messages.Single().Text);
        Assert.Equal(HttpStatusCode.NotFound, (await company.Dispatcher.PostAsync(Team, General(Guid.NewGuid().ToString("N")), "hello?")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await company.Dispatcher.PostAsync(Team, Job(Guid.NewGuid().ToString("N")), "hello?")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await company.Dispatcher.PostAsync(Team, "property:" + customer.Id, "hello?")).StatusCode);
    }

    private static async Task AssertFieldRefusedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains(field, problem!.Errors.Keys);
    }
}
