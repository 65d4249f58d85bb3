using System.Net;
using System.Net.Http.Json;
using Orleans;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Support.Feedback;
using OrleansPortal.Web.Support.Cases;
using OrleansPortal.Web.Support.Feedback;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Support.Feedback;

/// <summary>
/// Feedback end to end over HTTP: a completed visit's review request links a survey answered without signing in; a low
/// score opens a case and counts against the technician; a review with photos stays private until the team approves
/// it; the NPS round asks by the same kind of link; and bad answers are refused with nothing stored.
/// </summary>
public sealed class FeedbackApiTests
{
    [Fact]
    public async Task ALowScore_FromTheVisitsLink_OpensACase_AndCountsForTheTechnician()
    {
        using var app = new PortalFactory();
        var visit = await FeedbackScenario.CompletedVisitAsync(app);
        var browser = visit.Anonymous();

        var page = await browser.GetStringAsync($"/feedback/{visit.Token}");
        Assert.Contains("How satisfied are you with your visit with Gil?", page);
        var sent = await browser.PostAsync($"/feedback/{visit.Token}", FeedbackScenario.Form(2, "Left the gate open."));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var thanks = await browser.GetStringAsync(sent.Headers.Location!.ToString());
        Assert.Contains("Thank you for your answer!", thanks);
        Assert.Contains("Our team has your answer", thanks);
        var again = await browser.PostAsync($"/feedback/{visit.Token}", FeedbackScenario.Form(5));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already answered", await again.Content.ReadAsStringAsync());

        var cases = (await visit.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!;
        var opened = Assert.Single(cases);
        Assert.Equal(("Rated the visit 2/5: Sprinklers do not start", "Feedback", "High", visit.Portal.Customer.Id), (opened.Subject, opened.Channel, opened.Priority, opened.CustomerId));
        var summary = (await visit.Dispatcher.GetFromJsonAsync<FeedbackSummaryDto>("/api/v1/support/feedback/summary?days=7", ApiJson.Options))!;
        Assert.Equal((2.0, 1, 0.0, 1L), (summary.Csat.Average, summary.Csat.Responses, summary.Csat.SatisfiedShare, summary.Csat.Sent));
        var gil = Assert.Single(summary.Technicians);
        Assert.Equal(("Gil Gardener", 2.0, 1), (gil.Name, gil.Average, gil.Responses));
        Assert.Equal(1, summary.Weeks.Sum(w => w.CsatResponses));
        var answer = Assert.Single((await visit.Dispatcher.GetFromJsonAsync<FeedbackResponseDto[]>("/api/v1/support/feedback/responses", ApiJson.Options))!);
        Assert.Equal(("Left the gate open.", opened.Id, visit.JobId), (answer.Comment, answer.CaseId, answer.TicketId));
    }

    [Fact]
    public async Task AReviewWithAPhoto_StaysPrivate_UntilTheTeamApprovesIt()
    {
        using var app = new PortalFactory();
        var visit = await FeedbackScenario.CompletedVisitAsync(app);
        var browser = visit.Anonymous();
        var other = await TenantScenario.CreateAsync(app, "Other Company");

        var sent = await browser.PostAsync($"/feedback/{visit.Token}", FeedbackScenario.Form(5, "Gil found the broken valve in minutes.", "Maria S.", ("valve.png", DocumentScenario.Png)));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Your review will appear once our team has read it.", await browser.GetStringAsync(sent.Headers.Location!.ToString()));

        Assert.DoesNotContain("broken valve", await browser.GetStringAsync($"/reviews/{visit.TenantId}"));
        var pending = Assert.Single((await visit.Dispatcher.GetFromJsonAsync<FeedbackResponseDto[]>("/api/v1/support/feedback/reviews", ApiJson.Options))!);
        var photo = Assert.Single(pending.Photos);
        var photoId = photo.Split('/')[^1];
        Assert.Equal("image/jpeg", (await visit.Dispatcher.GetAsync(photo)).Content.Headers.ContentType?.MediaType); // re-encoded: an opaque picture is stored as JPEG
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/reviews/{visit.TenantId}/photos/{pending.SurveyId}/{photoId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.GetAsync(photo)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.PostAsJsonAsync($"/api/v1/support/feedback/reviews/{pending.SurveyId}/moderation", new { decision = "Approved" })).StatusCode);
        await ValidationProblems.AssertNamesFieldAsync(
            await visit.Dispatcher.PostAsJsonAsync($"/api/v1/support/feedback/reviews/{pending.SurveyId}/moderation", new { decision = "Pending" }), "decision");

        (await visit.Dispatcher.PostAsJsonAsync($"/api/v1/support/feedback/reviews/{pending.SurveyId}/moderation", new { decision = "Approved" })).EnsureSuccessStatusCode();

        var reviews = await browser.GetStringAsync($"/reviews/{visit.TenantId}");
        Assert.Contains("Gil found the broken valve in minutes.", reviews);
        Assert.Contains("Maria S.", reviews);
        var shown = await browser.GetAsync($"/reviews/{visit.TenantId}/photos/{pending.SurveyId}/{photoId}");
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (shown.StatusCode, shown.Content.Headers.ContentType?.MediaType));
        Assert.Empty((await visit.Dispatcher.GetFromJsonAsync<FeedbackResponseDto[]>("/api/v1/support/feedback/reviews", ApiJson.Options))!);
        Assert.DoesNotContain("broken valve", await browser.GetStringAsync($"/reviews/{other.TenantId}"));
    }

    [Fact]
    public async Task BadAnswers_AreRefused_WithNothingStored()
    {
        using var app = new PortalFactory();
        var visit = await FeedbackScenario.CompletedVisitAsync(app);
        var browser = visit.Anonymous();

        var outOfScale = await browser.PostAsync($"/feedback/{visit.Token}", FeedbackScenario.Form(6, "Six stars"));
        Assert.Equal(HttpStatusCode.BadRequest, outOfScale.StatusCode);
        Assert.Contains("Choose a score from 1 to 5.", await outOfScale.Content.ReadAsStringAsync());
        var notAnImage = await browser.PostAsync($"/feedback/{visit.Token}", FeedbackScenario.Form(5, "Nice", "Maria", ("photo.png", "<svg onload=alert(1)>"u8.ToArray())));
        Assert.Equal(HttpStatusCode.BadRequest, notAnImage.StatusCode);
        var nameless = await browser.PostAsync($"/feedback/{visit.Token}", FeedbackScenario.Form(5, "Nice", ""));
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        var notAForm = await browser.PostAsJsonAsync($"/feedback/{visit.Token}", new { score = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, notAForm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/feedback/not-a-token-of-ours-at-all-000000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync("/feedback/not-a-token-of-ours-at-all-000000", FeedbackScenario.Form(5))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/reviews/NO%20SUCH")).StatusCode);

        Assert.Empty((await visit.Dispatcher.GetFromJsonAsync<FeedbackResponseDto[]>("/api/v1/support/feedback/responses", ApiJson.Options))!);
        Assert.Contains("<form class=\"survey\"", await browser.GetStringAsync($"/feedback/{visit.Token}")); // still open
        await ValidationProblems.AssertNamesFieldAsync(await visit.Dispatcher.GetAsync("/api/v1/support/feedback/summary?days=0"), "days");
        await ValidationProblems.AssertNamesFieldAsync(await visit.Dispatcher.GetAsync("/api/v1/support/feedback/responses?kind=Stars"), "kind");
        await ValidationProblems.AssertNamesFieldAsync(await visit.Dispatcher.PutAsJsonAsync("/api/v1/support/feedback/settings", new { npsEveryDays = 2 }), "settings");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/support/feedback/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await visit.Portal.Owner.GetAsync("/api/v1/support/feedback/reviews")).StatusCode);
    }

    [Fact]
    public async Task TheNpsRound_AsksTheRecentCustomer_ByTheSameKindOfLink()
    {
        using var app = new PortalFactory();
        var visit = await FeedbackScenario.CompletedVisitAsync(app);
        var settings = await visit.Dispatcher.PutAsJsonAsync("/api/v1/support/feedback/settings", new { npsEveryDays = 30, npsCaseAtOrBelow = 4 });
        settings.EnsureSuccessStatusCode();
        Assert.Equal(new FeedbackSettingsDto(2, 4, 30), await settings.Content.ReadFromJsonAsync<FeedbackSettingsDto>(ApiJson.Options));

        Assert.Equal(1, await app.Services.GetRequiredService<IClusterClient>().GetGrain<IFeedbackSettingsGrain>(visit.TenantId).RunNpsRoundAsync());
        var token = await FeedbackScenario.LinkInAsync(app, visit.TenantId, visit.Portal.Customer.Id, NotificationTrigger.NpsSurvey);
        var browser = visit.Anonymous();
        Assert.Contains("How likely are you to recommend Acme Irrigation", await browser.GetStringAsync($"/feedback/{token}"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/feedback/{token}", FeedbackScenario.Form(10, "Always on time."))).StatusCode);

        var summary = (await visit.Dispatcher.GetFromJsonAsync<FeedbackSummaryDto>("/api/v1/support/feedback/summary", ApiJson.Options))!;
        Assert.Equal((100, 1, 1, 1L), (summary.Nps.Score, summary.Nps.Promoters, summary.Nps.Responses, summary.Nps.Sent));
        Assert.Empty((await visit.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>("/api/v1/support/cases", ApiJson.Options))!);
    }
}
