using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Web.Notifications.TrackingLinks;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications;

/// <summary>Tracking links over HTTP: what the team issues and revokes, and what the holder of a link may see, when.</summary>
public sealed class TrackingLinkApiTests
{
    [Fact]
    public async Task IssuedLink_ShowsTheVisit_UnderThePublicAddress_WithTheTechniciansFirstNameOnly()
    {
        using var app = new PortalFactory { Settings = { ["Portal:PublicBaseUrl"] = "https://portal.test" } };
        var s = await TrackingScenario.CreateAsync(app);
        var job = await s.AddJobAsync();

        var issued = await s.IssueAsync(job);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var link = (await issued.Content.ReadFromJsonAsync<TrackingLinkDto>(ApiJson.Options))!;
        Assert.Matches("^https://portal.test/track/[A-Za-z0-9_-]{43}$", link.Url);

        var visit = await s.VisitAsync(new Uri(link.Url).Segments[^1]);
        Assert.Equal("Assigned", visit.Status);
        Assert.Equal("Acme Irrigation", visit.CompanyName);
        Assert.DoesNotContain(" ", visit.Technician!.FirstName);
        Assert.Null(visit.Position);
        var raw = await (await s.ReadAsync(new Uri(link.Url).Segments[^1])).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Santa Catarina", raw); // the address text, the description, the customer: none of it
        Assert.DoesNotContain("Fix the sprinklers", raw);
        Assert.DoesNotContain("Smith", raw);
    }

    [Fact]
    public async Task Position_IsShownOnlyWhileEnRoute_NotBefore_NorOnceOnSite()
    {
        using var app = new PortalFactory();
        var s = await TrackingScenario.CreateAsync(app);
        var job = await s.AddJobAsync();
        var token = await s.TokenForAsync(job);
        await s.PingAsync(41.1600, -8.6200, DateTimeOffset.UtcNow.AddMinutes(-5)); // fixes minutes apart, as a phone sends them
        Assert.Null((await s.VisitAsync(token)).Position); // assigned, driving elsewhere: not this customer's to see

        await s.MoveAsync(job, "EnRoute");
        await s.PingAsync(41.1550, -8.6150);
        var enRoute = await s.VisitAsync(token);
        Assert.Equal("EnRoute", enRoute.Status);
        Assert.Equal(41.1550, enRoute.Position!.Lat, 6);

        await s.MoveAsync(job, "OnSite");
        var onSite = await s.VisitAsync(token);
        Assert.Equal("OnSite", onSite.Status);
        Assert.Null(onSite.Position);
    }

    [Fact]
    public async Task AnotherTicketsLink_NeverShowsTheDriveToThisOne()
    {
        using var app = new PortalFactory();
        var s = await TrackingScenario.CreateAsync(app);
        var driving = await s.AddJobAsync();
        var next = await s.AddJobAsync();
        var nextToken = await s.TokenForAsync(next);
        var drivingToken = await s.TokenForAsync(driving);
        await s.MoveAsync(driving, "EnRoute");
        await s.PingAsync(41.1550, -8.6150);

        Assert.NotNull((await s.VisitAsync(drivingToken)).Position);
        var other = await s.VisitAsync(nextToken);
        Assert.Equal("Assigned", other.Status);
        Assert.Null(other.Position);
    }

    [Fact]
    public async Task UnknownRevokedAndExpiredLinks_AllGetTheSame404()
    {
        var clock = new AdjustableClock();
        using var app = new PortalFactory { Clock = clock };
        var s = await TrackingScenario.CreateAsync(app);
        var revokedJob = await s.AddJobAsync();
        var revoked = await s.TokenForAsync(revokedJob);
        var keptAlive = await s.TokenForAsync(await s.AddJobAsync());
        var finishedJob = await s.AddJobAsync();
        var finished = await s.TokenForAsync(finishedJob);
        await s.Company.WorkJobAsync(finishedJob);

        var revocation = await s.RevokeAsync(revokedJob);
        Assert.Equal(1, (await revocation.Content.ReadFromJsonAsync<RevokedTrackingLinksDto>(ApiJson.Options))!.Revoked);
        Assert.Equal("Completed", (await s.VisitAsync(finished)).Status); // the "done" message can still be opened that day
        clock.Advance(TrackingLinkPolicyHours + TimeSpan.FromMinutes(1));

        var answers = new List<string>();
        foreach (var token in new[] { revoked, finished, "unknownTokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x" })
        {
            var response = await s.ReadAsync(token);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            answers.Add($"{problem.GetProperty("title")}|{problem.GetProperty("detail")}");
        }
        Assert.Single(answers.Distinct());
        Assert.Equal(HttpStatusCode.OK, (await s.ReadAsync(keptAlive)).StatusCode); // an open visit's link outlives the others
    }

    [Fact]
    public async Task AnotherCompany_CannotIssueOrRevokeLinksForTheTicket()
    {
        using var app = new PortalFactory();
        var s = await TrackingScenario.CreateAsync(app);
        var job = await s.AddJobAsync();
        var token = await s.TokenForAsync(job);
        var other = await DocumentScenario.CreateAsync(app, "Other Co");

        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.PostAsync($"/api/v1/dispatch/tickets/{job}/tracking-links", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.DeleteAsync($"/api/v1/dispatch/tickets/{job}/tracking-links")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.ReadAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsync($"/api/v1/dispatch/tickets/{job}/tracking-links", null)).StatusCode);
    }

    [Fact]
    public async Task ALinkForAVisitThatIsOver_IsRefused()
    {
        using var app = new PortalFactory();
        var s = await TrackingScenario.CreateAsync(app);
        var job = await s.AddJobAsync();
        await s.Company.WorkJobAsync(job);

        var issued = await s.IssueAsync(job);
        Assert.Equal(HttpStatusCode.Conflict, issued.StatusCode);
        Assert.Equal("application/problem+json", issued.Content.Headers.ContentType?.MediaType);
    }

    private static readonly TimeSpan TrackingLinkPolicyHours = OrleansPortal.Grains.Notifications.Tracking.TrackingLinkPolicy.AfterVisit;
}
