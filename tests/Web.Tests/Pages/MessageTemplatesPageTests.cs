using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The office's message templates, as a dispatcher rewrites the on-my-way text: the preview follows the typing, a
/// mistyped variable is named under the message, a variable goes in with a click, the saved text is there after a reload,
/// a channel's switch holds, and the email's preview shows the company's layout.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MessageTemplatesPageTests(BrowserFixture browser)
{
    private const string Preview = "/api/v1/dispatch/notifications/preview";

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ADispatcher_RewritesTheOnMyWayText_SeesThePreviewAndAMistypedVariable_AndFindsItSavedAfterAReload(int width, int height)
    {
        using var app = new PortalFactory();
        await using var context = await browser.NewContextAsync(app.StartOnLoopback());
        var page = await OpenAsync(app, context, width, height);
        var problems = new PageProblems(page, Preview); // a template with a mistake previews as a 400 naming it

        await page.GetByRole(AriaRole.Button, new() { Name = "On my way", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "SMS", Exact = true }).ClickAsync();
        var editor = page.GetByRole(AriaRole.Region, new() { Name = "On my way" });
        var body = editor.GetByLabel("Message", new() { Exact = true });
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Assertions.Expect(body).ToHaveValueAsync(new Regex("technician.first_name"));

        await body.FillAsync("{{ technician.first_name }} is coming for {{ customer.nam }}.");
        var bodyProblems = editor.Locator("#template-body-problems");
        await Assertions.Expect(bodyProblems).ToContainTextAsync("Unknown variable 'customer.nam'");
        await Assertions.Expect(bodyProblems).ToContainTextAsync("Did you mean 'customer.name'?");
        await Assertions.Expect(body).ToHaveAttributeAsync("aria-invalid", "true");
        await WhatAPersonSees.AssertInsideAsync(bodyProblems, editor, "the body's problem");

        await body.FillAsync("{{ technician.first_name }} is on the way to ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Insert customer.name" }).ClickAsync();
        await body.PressAsync("End");
        await body.PressSequentiallyAsync(", arriving about {{ eta.time }}.");
        await Assertions.Expect(body).ToHaveValueAsync("{{ technician.first_name }} is on the way to {{ customer.name }}, arriving about {{ eta.time }}.");
        await Assertions.Expect(bodyProblems).ToBeEmptyAsync();
        await Assertions.Expect(preview.Locator(".sms-bubble")).ToHaveTextAsync(new Regex(@"^Rui is on the way to Smith household, arriving about \d\d:\d\d\.$"));
        await Assertions.Expect(preview).ToContainTextAsync("GSM-7 · 59 characters · 1 segment");
        await WhatAPersonSees.ScreenshotAsync(page, "office-message-templates-sms");

        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        var smsSwitch = page.GetByRole(AriaRole.Checkbox, new() { Name = "Send “On my way” by SMS" });
        await smsSwitch.UncheckAsync();
        await Assertions.Expect(editor).ToContainTextAsync("Switched off on this channel");

        await page.ReloadAsync();
        editor = page.GetByRole(AriaRole.Region, new() { Name = "On my way" });
        await Assertions.Expect(editor.GetByLabel("Message", new() { Exact = true }))
            .ToHaveValueAsync("{{ technician.first_name }} is on the way to {{ customer.name }}, arriving about {{ eta.time }}.");
        await Assertions.Expect(editor).ToContainTextAsync("Your own message");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Send “On my way” by SMS" })).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Send “On my way” by Email" })).ToBeCheckedAsync();

        // The email, framed as a mailbox shows it: the company's layout with its inline styles applied, no script run.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Email", Exact = true }).ClickAsync();
        var frame = page.FrameLocator("iframe.email-frame");
        await Assertions.Expect(frame.GetByText("Acme Irrigation").First).ToBeVisibleAsync();
        var background = await frame.Locator("body").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        Assert.Equal("rgb(244, 245, 247)", background);
        Assert.Equal("allow-same-origin", await page.Locator("iframe.email-frame").GetAttributeAsync("sandbox"));
        await Assertions.Expect(preview).ToContainTextAsync("Subject: ");

        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-message-templates-email");
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ADispatcher_GivesTheCompanysPhone_AndTheBookingTextOffersIt(int width, int height)
    {
        using var app = new PortalFactory();
        await using var context = await browser.NewContextAsync(app.StartOnLoopback());
        var page = await OpenAsync(app, context, width, height);
        var problems = new PageProblems(page, "/api/v1/company/phone"); // the mistyped number answers 400

        await page.GetByRole(AriaRole.Button, new() { Name = "Booking confirmed", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "SMS", Exact = true }).ClickAsync();
        var bubble = page.GetByRole(AriaRole.Region, new() { Name = "Preview" }).Locator(".sms-bubble");
        await Assertions.Expect(bubble).ToContainTextAsync("your visit is booked");
        await Assertions.Expect(bubble).Not.ToContainTextAsync("Call"); // no number yet: the text leaves it out

        var phone = page.GetByLabel("Phone number customers call");
        await phone.FillAsync("call the office");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#company-phone-error")).ToContainTextAsync("Not a phone number");

        await phone.FillAsync("220 000 000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).First.ClickAsync();
        await Assertions.Expect(phone).ToHaveValueAsync("+351 22 000 0000");
        await Assertions.Expect(page.Locator("#company-phone-error")).ToBeEmptyAsync();
        await Assertions.Expect(bubble).ToContainTextAsync("Questions? Call +351 22 000 0000");
        await WhatAPersonSees.AssertInsideAsync(phone, page.Locator("form.company-phone"), "the phone field");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-company-phone");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Phone number customers call")).ToHaveValueAsync("+351 22 000 0000");
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }

    /// <summary>A new company's dispatcher on the templates page, at the given size.</summary>
    private static async Task<IPage> OpenAsync(PortalFactory app, IBrowserContext context, int width, int height)
    {
        var page = await OfficePages.SignInAsync(context, await TenantScenario.CreateAsync(app), "/office/notifications/");
        await page.SetViewportSizeAsync(width, height);
        return page;
    }
}
