using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Notifications.Marketing;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The unsubscribe page in Chromium, opened from the footer of a marketing mail the real SMTP server received, without
/// signing in: opening it changes nothing; its button unsubscribes, and "Subscribe again" undoes it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class UnsubscribePageTests(BrowserFixture browser, MailServer smtp) : IClassFixture<MailServer>
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheLinkInTheMail_OpensAPage_WhoseButtonUnsubscribes_AndSubscribeAgainUndoesIt(int width, int height)
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app, MarketingScenario.PublicBaseUrl);
        var address = app.StartOnLoopback();
        var s = await MarketingScenario.CreateAsync(app);
        await s.SetMarketingInPortalAsync(on: true);
        await s.SendEmailAsync("Spring offer: 20% off a sprinkler check.", marketing: true);
        var mail = await smtp.WaitForMailAsync(s.Contact.Email);
        var link = FooterLink().Match(mail.Message.HtmlBody ?? "");
        Assert.True(link.Success, "the mail's footer has the unsubscribe link");
        await using var context = await PortalPages.ContextAsync(browser, address, width, height);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync(link.Groups["path"].Value); // the link's own path, on the app the test runs
        var unsubscribe = page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stop marketing emails from Acme Irrigation?" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"They go to {s.Contact.Email}.")).ToBeVisibleAsync();
        await Assertions.Expect(unsubscribe).ToBeVisibleAsync();
        Assert.DoesNotContain(await s.OptOutsAsync(), c => c.OptedOut); // opened, not unsubscribed
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "unsubscribe-ask");

        await unsubscribe.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are unsubscribed" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"{s.Contact.Email} will get no more marketing emails from Acme Irrigation.")).ToBeVisibleAsync();
        var optOut = (await s.OptOutsAsync())[0];
        Assert.Equal((true, "link"), (optOut.OptedOut, optOut.Source));
        Assert.False((await s.PortalPreferencesAsync()).Email.Marketing);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "unsubscribe-done");

        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe again" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are subscribed again.");
        await Assertions.Expect(unsubscribe).ToBeVisibleAsync();
        var latest = (await s.OptOutsAsync())[0];
        Assert.Equal((false, "link"), (latest.OptedOut, latest.Source));
        Assert.True((await s.PortalPreferencesAsync()).Email.Marketing);
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }

    [Fact]
    public async Task AContactWhoReadsPortuguese_SeesThePageInPortuguese()
    {
        using var app = new PortalFactory { Settings = { ["Portal:PublicBaseUrl"] = MarketingScenario.PublicBaseUrl } };
        var address = app.StartOnLoopback();
        var s = await MarketingScenario.CreateAsync(app);
        await s.SetMarketingInPortalAsync(on: true, language: "pt");
        var token = s.IssueToken();
        await using var context = await PortalPages.ContextAsync(browser, address, 390, 844, locale: "en-GB");
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync($"/u/{token}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deixar de receber emails de marketing de Acme Irrigation?" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancelar subscrição" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "A sua subscrição foi cancelada" })).ToBeVisibleAsync();
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "unsubscribe-done-pt");
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheDispatcher_SendsMarketing_FromTheComposer_AndSeesTheContactsOptOutsWithTimeAndSource(int width, int height)
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app, MarketingScenario.PublicBaseUrl);
        var address = app.StartOnLoopback();
        var s = await MarketingScenario.CreateAsync(app);
        var (context, page, problems) = await OfficePages.OpenCustomerAsync(browser, address, s.Company, s.Customer.Id, width, height);
        await using var browsing = context;
        var messages = page.GetByRole(AriaRole.Region, new() { Name = "Messages", Exact = true });
        await Assertions.Expect(messages).ToContainTextAsync("No contact has opted in or out yet.");

        await messages.GetByRole(AriaRole.Button, new() { Name = "Send a message" }).ClickAsync();
        var composer = messages.GetByRole(AriaRole.Form, new() { Name = "A message to Smith household" });
        await composer.GetByLabel("Text", new() { Exact = true }).FillAsync("Spring offer: 20% off a sprinkler check.");
        await composer.GetByRole(AriaRole.Checkbox, new() { Name = "Marketing (only to contacts who opted in)" }).CheckAsync();
        await Assertions.Expect(composer.Locator(".composer-preview")).ToContainTextAsync("Unsubscribe"); // the footer's link
        await WhatAPersonSees.ScreenshotAsync(page, "office-composer-marketing");
        await composer.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var offer = messages.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Message from the team" });
        await Assertions.Expect(offer).ToContainTextAsync("Not sent"); // Maria never opted in
        await Assertions.Expect(offer).ToContainTextAsync("no opt-in to marketing");

        await s.SetMarketingInPortalAsync(on: true);
        var token = s.IssueToken();
        (await s.OneClickAsync($"/u/{token}")).EnsureSuccessStatusCode();
        await page.ReloadAsync();
        var optOuts = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "unsubscribe link" });
        await Assertions.Expect(optOuts).ToContainTextAsync($"Opted out Maria Silva · Email {s.Contact.Email} · marketing · unsubscribe link ·");
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "portal preferences" })).ToContainTextAsync("Opted in");
        await Assertions.Expect(optOuts.Locator("time")).ToHaveCountAsync(1);
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-customer-opt-outs");
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }

    [GeneratedRegex("href=\"https://portal\\.test(?<path>/u/[A-Za-z0-9_-]+)\"")]
    private static partial Regex FooterLink();
}
