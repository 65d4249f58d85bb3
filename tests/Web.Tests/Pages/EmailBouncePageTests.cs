using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// A bounce as the team sees it on the customer page, in Chromium: the message marked "Bounced" with the server's words,
/// the address listed as bounced for all email, and "It works again" clearing it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmailBouncePageTests(BrowserFixture browser, MailServer smtp) : IClassFixture<MailServer>
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheTeam_SeesAMessageBounce_AndSaysTheAddressWorksAgain(int width, int height)
    {
        using var app = new PortalFactory();
        smtp.ConfigureWithBouncesFor(app);
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        var contact = await customer.AddContactAsync($"gone-{Guid.NewGuid():N}@{MailServer.BounceDomain}");
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/messages",
            new { contactId = contact.Id, channel = "Email", subject = "About Tuesday's visit", text = "We will bring the new valve." })).EnsureSuccessStatusCode();

        var (context, page, problems) = await OfficePages.OpenCustomerAsync(browser, address, company, customer.Id, width, height);
        await using var browsing = context;
        var messages = page.GetByRole(AriaRole.Region, new() { Name = "Messages", Exact = true });
        var sent = messages.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "About Tuesday's visit" });
        // The timeline is read when the page opens: look again until the bounce has come back.
        await Eventually.TrueAsync(async () =>
        {
            if (await sent.Filter(new() { HasText = "Bounced" }).CountAsync() > 0) return true;
            await page.ReloadAsync();
            return false;
        }, "the page shows the message bounced");
        await sent.GetByRole(AriaRole.Button, new() { Name = "Delivery log" }).ClickAsync();
        await Assertions.Expect(sent).ToContainTextAsync("5.1.1");

        var bounced = messages.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "delivery report" });
        await Assertions.Expect(bounced).ToContainTextAsync($"Opted out {contact.Name} · Email {contact.Email} · all email: the address bounced as unknown · delivery report ·");
        var worksAgain = bounced.GetByRole(AriaRole.Button, new() { Name = $"It works again: {contact.Email}" });
        await WhatAPersonSees.AssertInsideAsync(worksAgain, messages, "the works-again button");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, $"office-customer-bounce-{width}");

        await worksAgain.ClickAsync();
        await Assertions.Expect(bounced.First).ToContainTextAsync("Opted in");
        await Assertions.Expect(messages.GetByRole(AriaRole.Button, new() { Name = $"It works again: {contact.Email}" })).ToHaveCountAsync(0);
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }
}
