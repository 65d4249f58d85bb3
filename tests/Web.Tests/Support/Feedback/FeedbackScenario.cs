using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Portal;

namespace OrleansPortal.Web.Tests.Support.Feedback;

/// <summary>
/// A company whose technician Gil completed a visit for the Smith household, so the visit's review request waits in the
/// outbox with its survey link; the link's token is read from the queued message, as the customer would read it.
/// </summary>
public sealed partial class FeedbackScenario
{
    private FeedbackScenario(PortalFactory app, PortalJobsScenario portal, string jobId, string token)
    {
        App = app;
        Portal = portal;
        JobId = jobId;
        Token = token;
    }

    public PortalFactory App { get; }

    public PortalJobsScenario Portal { get; }

    public string JobId { get; }

    /// <summary>The survey link's token, from the review request's email.</summary>
    public string Token { get; }

    public string TenantId => Portal.Day.Company.TenantId;

    public HttpClient Dispatcher => Portal.Day.Dispatcher;

    public static async Task<FeedbackScenario> CompletedVisitAsync(PortalFactory app, string company = "Acme Irrigation")
    {
        var portal = await PortalJobsScenario.CreateAsync(app, company);
        var job = await portal.BookAsync("Sprinklers do not start");
        await Eventually.TrueAsync(async () => (await portal.JobAsync(job.Id)).Status == "Assigned", "the job is assigned");
        foreach (var status in new[] { "EnRoute", "OnSite", "Completed" })
            (await portal.Day.Dispatcher.PostAsync($"/api/v1/tickets/{job.Id}/status", System.Net.Http.Json.JsonContent.Create(new { status }))).EnsureSuccessStatusCode();
        var token = await LinkInAsync(app, portal.Day.Company.TenantId, portal.Customer.Id, NotificationTrigger.ReviewRequest);
        return new FeedbackScenario(app, portal, job.Id, token);
    }

    /// <summary>The survey token in the newest queued email of <paramref name="trigger"/> to the customer, once it is queued.</summary>
    public static async Task<string> LinkInAsync(PortalFactory app, string tenantId, string customerId, NotificationTrigger trigger)
    {
        var outbox = app.Services.GetRequiredService<INotificationOutbox>();
        string? token = null;
        await Eventually.TrueAsync(async () =>
        {
            var message = (await outbox.ForCustomerAsync(tenantId, customerId, 100)).FirstOrDefault(m => m.Message.Trigger == trigger && m.Message.Channel == NotificationChannel.Email);
            token = message is null ? null : SurveyLink().Match(message.Message.Text) is { Success: true } match ? match.Groups[1].Value : null;
            return token is not null;
        }, $"the {trigger} email carries a survey link");
        return token!;
    }

    /// <summary>A browser with no session: the survey's link is all the customer has.</summary>
    public HttpClient Anonymous() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = App.ClientOptions.BaseAddress });

    /// <summary>Answers the survey <paramref name="token"/> links as its page's form would, and checks it was taken (the page sends it on to its thanks).</summary>
    public async Task AnswerAsync(string token, MultipartFormDataContent form)
    {
        var sent = await Anonymous().PostAsync($"/feedback/{token}", form);
        // The in-memory server hands back the redirect; a client of the app on Kestrel follows it to the thanks.
        var landed = sent.StatusCode == System.Net.HttpStatusCode.Redirect ? sent.Headers.Location : sent.RequestMessage?.RequestUri;
        Assert.True(landed?.ToString().EndsWith("?answered=true", StringComparison.Ordinal) == true, $"the survey refused the answer: {(int)sent.StatusCode}");
    }

    public static MultipartFormDataContent Form(int? score, string? comment = null, string? reviewName = null, params (string Name, byte[] Bytes)[] photos)
    {
        var form = new MultipartFormDataContent();
        if (score is not null) form.Add(new StringContent(score.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "score");
        if (comment is not null) form.Add(new StringContent(comment), "comment");
        if (reviewName is not null)
        {
            form.Add(new StringContent("yes"), "share");
            form.Add(new StringContent(reviewName), "reviewName");
        }

        foreach (var (name, bytes) in photos)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "photos", name);
        }

        return form;
    }

    [GeneratedRegex(@"/feedback/([A-Za-z0-9_-]{20,})")]
    private static partial Regex SurveyLink();
}
