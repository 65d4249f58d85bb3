using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Support.Feedback;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Support.Feedback;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// Feedback in Chromium at both sizes: the customer answers the visit's survey from its link (no account) and offers a
/// review with a photo; the team reads the figures and charts on /office/support/feedback/, approves the review, and the
/// public reviews page shows it with its photo.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FeedbackPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ACustomer_RatesTheVisitFromItsLink_AndOffersAReviewWithAPhoto(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var visit = await FeedbackScenario.CompletedVisitAsync(app);
        await using var context = await PortalPages.ContextAsync(browser, address, width, height);
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync($"/feedback/{visit.Token}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How did we do?", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Visit: Sprinklers do not start")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "How satisfied are you with your visit with Gil?" })).ToBeVisibleAsync();
        await WhatAPersonSees.AssertInsideAsync(page.Locator(".survey-number"), page.Locator("fieldset.survey-scale"), "the scores");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "feedback-survey");

        await page.Locator("label.survey-score", new() { HasText = "Very satisfied" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "5 Very satisfied" })).ToBeCheckedAsync();
        await page.GetByLabel("Anything you would like to tell us? (optional)").FillAsync("Gil fixed the controller and explained the schedule.");
        await page.GetByLabel("Share my comment as a public review").CheckAsync();
        await page.GetByLabel("Name shown with the review").FillAsync("Maria S.");
        await page.GetByLabel("Photos (up to 3: JPEG, PNG or WebP)").SetInputFilesAsync(new FilePayload { Name = "garden.png", MimeType = "image/png", Buffer = DocumentScenario.Png });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var done = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(done).ToContainTextAsync("Thank you for your answer!");
        await Assertions.Expect(done).ToContainTextAsync("Your review will appear once our team has read it.");
        await Assertions.Expect(done.Locator(".survey-given")).ToHaveTextAsync("5");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "feedback-thanks");
        var pending = Assert.Single((await visit.Dispatcher.GetFromJsonAsync<OrleansPortal.Web.Support.Feedback.FeedbackResponseDto[]>("/api/v1/support/feedback/reviews", ApiJson.Options))!);
        Assert.Equal(("Maria S.", 1), (pending.ReviewName, pending.Photos.Length));
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheTeam_ReadsTheFigures_ApprovesTheReview_AndThePublicPageShowsIt(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var visit = await FeedbackScenario.CompletedVisitAsync(app);
        await visit.AnswerAsync(visit.Token, FeedbackScenario.Form(4, "Quick and tidy work on the sprinklers.", "Maria S.", ("garden.png", DocumentScenario.Png)));
        (await visit.Dispatcher.PutAsJsonAsync("/api/v1/support/feedback/settings", new { npsEveryDays = 30 })).EnsureSuccessStatusCode();
        await app.Services.GetRequiredService<IClusterClient>().GetGrain<IFeedbackSettingsGrain>(visit.TenantId).RunNpsRoundAsync();
        var nps = await FeedbackScenario.LinkInAsync(app, visit.TenantId, visit.Portal.Customer.Id, NotificationTrigger.NpsSurvey);
        await visit.AnswerAsync(nps, FeedbackScenario.Form(3, "Too expensive."));

        await using var context = await browser.NewContextAsync(address);
        var page = await OfficePages.SignInAsync(context, visit.Portal.Day.Company, "/office/support/feedback/");
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page);

        await Assertions.Expect(page.GetByTestId("csat")).ToHaveTextAsync("4.0 / 5");
        await Assertions.Expect(page.GetByTestId("nps")).ToHaveTextAsync("-100");
        var technicians = page.GetByRole(AriaRole.Region, new() { Name = "CSAT by technician" });
        await Assertions.Expect(technicians.GetByRole(AriaRole.Row, new() { Name = "Gil Gardener 4.0 1" })).ToBeVisibleAsync();
        var weeks = page.GetByRole(AriaRole.Region, new() { Name = "By week" });
        await WhatAPersonSees.AssertInsideAsync(weeks.Locator("canvas"), weeks, "the week charts");
        var latest = page.GetByRole(AriaRole.Region, new() { Name = "Latest answers" });
        await Assertions.Expect(latest.Locator(".answer.low")).ToContainTextAsync("Too expensive.");
        await Assertions.Expect(latest.GetByRole(AriaRole.Link, new() { Name = "Case opened" })).ToBeVisibleAsync();
        var queue = page.GetByRole(AriaRole.Region, new() { Name = "Reviews to moderate" });
        await Assertions.Expect(queue.Locator("blockquote")).ToHaveTextAsync("Quick and tidy work on the sprinklers.");
        var photo = queue.GetByRole(AriaRole.Img, new() { Name = "Photo 1 of the review by Maria S." });
        await Assertions.Expect(photo).ToBeVisibleAsync();
        await Assertions.Expect(photo).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await photo.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the review's photo did not load");
        await WhatAPersonSees.AssertInsideAsync(photo, queue, "the review's photo");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-feedback");

        await queue.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(queue.GetByRole(AriaRole.Status)).ToHaveTextAsync("Approved: it is on the public page.");
        await Assertions.Expect(queue.GetByText("No review waits for you.")).ToBeVisibleAsync();

        await page.GotoAsync($"/reviews/{visit.TenantId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reviews", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("4.0 out of 5 from 1 reviews")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".review blockquote")).ToHaveTextAsync("Quick and tidy work on the sprinklers.");
        var shown = page.GetByRole(AriaRole.Img, new() { Name = "Photo from a customer's review" });
        await Assertions.Expect(shown).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await shown.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the public review's photo did not load");
        await WhatAPersonSees.AssertInsideAsync(shown, page.Locator(".review"), "the public review's photo");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "public-reviews");
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }
}
