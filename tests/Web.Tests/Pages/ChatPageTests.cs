using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>A customer on the portal (phone size) and a dispatcher on /dispatch chatting live in two browser contexts.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task CustomerAndDispatcher_ExchangeMessagesLive_AndInternalNotesStayWithTheTeam()
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company, "Smiths");
        var property = await customer.AddPropertyAsync();
        await customer.AddJobAsync(property.Id, "Sprinkler leak");
        var contact = await customer.AddContactAsync(ChatScenario.UniqueEmail());

        await using var phone = await PortalPages.ContextAsync(browser, address, 390, 844);
        var portal = await phone.NewPageAsync();
        var portalProblems = new PageProblems(portal);
        await PortalPages.SignInWithLinkAsync(portal, await customer.IssueTokenAsync(contact.Id));
        await PortalPages.OpenSectionAsync(portal, "Messages");
        // Nobody of the team has the board open yet.
        await Assertions.Expect(portal.Locator(".team-availability")).ToHaveTextAsync("Nobody is online right now: leave a message and we will answer as soon as we are back.");
        await Conversations(portal).GetByRole(AriaRole.Button, new() { Name = "Sprinkler leak" }).ClickAsync();
        await portal.GetByLabel("Your message").FillAsync("Water is pouring out by the gate.");
        await portal.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        var portalMessages = portal.GetByRole(AriaRole.List, new() { Name = "Messages" });
        await Assertions.Expect(portalMessages).ToContainTextAsync("Water is pouring out by the gate.");

        await using var desk = await browser.NewContextAsync(address);
        var dispatch = await DispatchPageTests.SignInAsync(desk, company);
        var dispatchProblems = new PageProblems(dispatch);
        // The board's chat panel reports the dispatcher online, and names who of the team is there.
        await Assertions.Expect(dispatch.Locator(".chat-presence p")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^For chat now: .+"));
        var thread = Conversations(dispatch).GetByRole(AriaRole.Button, new() { Name = "Smiths: Sprinkler leak" });
        await Assertions.Expect(thread).ToContainTextAsync("1");
        await thread.ClickAsync();
        var dispatchMessages = dispatch.GetByRole(AriaRole.List, new() { Name = "Messages" });
        await Assertions.Expect(dispatchMessages).ToContainTextAsync("Water is pouring out by the gate.");

        // The customer writes again while the dispatcher has the thread open: the dispatcher sees them typing, then the
        // message appears without a reload.
        await portal.GetByLabel("Your message").FillAsync("It is getting worse.");
        await Assertions.Expect(dispatch.Locator(".chat-typing")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(".+ is typing…$"));
        await portal.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(dispatchMessages).ToContainTextAsync("It is getting worse.");

        await dispatch.GetByLabel("Reply").FillAsync("Customer sounds upset: send Tomás first.");
        await dispatch.GetByLabel("Internal note").CheckAsync();
        await dispatch.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(dispatchMessages.Locator(".internal")).ToContainTextAsync("send Tomás first");
        await dispatch.GetByLabel("Reply").FillAsync("Tomás is on his way, there by 10:00.");
        await Assertions.Expect(portal.Locator(".chat-typing")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(".+ is typing…$"));
        await dispatch.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await Assertions.Expect(portalMessages).ToContainTextAsync("Tomás is on his way, there by 10:00.");
        await Assertions.Expect(portal.Locator(".chat-typing")).ToHaveTextAsync(""); // the answer came: nobody is typing
        await Assertions.Expect(dispatch.Locator(".chat-typing")).ToHaveTextAsync("");
        await Assertions.Expect(portalMessages).Not.ToContainTextAsync("send Tomás first");
        await BrowserFixture.SaveScreenshotAsync(portal, "portal-chat");
        await BrowserFixture.SaveScreenshotAsync(dispatch, "dispatch-chat");
        // Even after a reload, from the API (the thread's address opens it again); the team is online now.
        await portal.ReloadAsync();
        await Assertions.Expect(portal.Locator(".team-availability")).ToHaveTextAsync("The team is online: they usually answer within minutes.");
        await Assertions.Expect(portalMessages).ToContainTextAsync("Tomás is on his way");
        await Assertions.Expect(portalMessages).Not.ToContainTextAsync("send Tomás first");
        Assert.True(await portal.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the portal scrolls sideways on a phone");

        // The dispatcher steps away: the customer reads it on their next look.
        await dispatch.GetByLabel("My chat status").SelectOptionAsync("Away");
        await Assertions.Expect(dispatch.Locator(".chat-presence p")).ToContainTextAsync("(away)");
        await portal.ReloadAsync();
        await Assertions.Expect(portal.Locator(".team-availability")).ToHaveTextAsync("The team is away for a moment: they will answer when they are back.");

        // The dispatcher turns the conversation into a support case, and follows it to the desk.
        var toCase = dispatch.Locator(".case-from-chat");
        await toCase.GetByRole(AriaRole.Button, new() { Name = "Open a case from this chat" }).ClickAsync();
        await toCase.GetByLabel("Case subject").FillAsync("Leak by the gate");
        await toCase.GetByLabel("Category").SelectOptionAsync("Equipment");
        await toCase.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
        await Assertions.Expect(dispatchMessages.Locator(".internal", new() { HasText = "Case C-00001 opened from this conversation: Leak by the gate" })).ToBeVisibleAsync();
        await toCase.GetByRole(AriaRole.Link, new() { Name = "Case C-00001 opened: open it on the support desk" }).ClickAsync();
        var caseDesk = dispatch.Locator("section.case-desk");
        await Assertions.Expect(caseDesk).ToContainTextAsync("Leak by the gate");
        await Assertions.Expect(caseDesk).ToContainTextAsync("It is getting worse.");
        await Assertions.Expect(portalMessages).Not.ToContainTextAsync("Case C-00001");
        Assert.Empty(portalProblems.All);
        Assert.Empty(dispatchProblems.All);
    }

    private static ILocator Conversations(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Conversations" });
}
