using OrleansPortal.Web.Notifications.TrackingLinks;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications;

/// <summary>The tracking page's hub through the SignalR .NET client, with the link's token as the only credential.</summary>
public sealed class TrackingHubTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ALinkHolder_FollowsTheDriveLive_UntilTheTechnicianArrives_ThenNoMorePositions()
    {
        using var app = new PortalFactory();
        var s = await TrackingScenario.CreateAsync(app);
        var job = await s.AddJobAsync();
        var token = await s.TokenForAsync(job);
        await using var page = await SignalRTestClient.ConnectAsync(app, TrackingHub.Path, cookie: null);
        var visit = await page.InvokeAsync(nameof(TrackingHub.Watch), token);
        Assert.Equal("Assigned", visit.GetProperty("status").GetString());

        await s.MoveAsync(job, "EnRoute");
        await s.PingAsync(41.1550, -8.6150);
        var position = await page.NextAsync("TechnicianPosition", Wait);
        Assert.Equal(41.1550, position.GetProperty("lat").GetDouble(), 6);

        await s.MoveAsync(job, "OnSite");
        await page.NextAsync("TechnicianHidden", Wait);
        while ((await page.NextAsync("Status", Wait)).GetProperty("status").GetString() != "OnSite") { }
        await s.PingAsync(41.1490, -8.6060);
        await s.MoveAsync(job, "Completed"); // a later message, so anything the ping caused has arrived before it
        while ((await page.NextAsync("Status", Wait)).GetProperty("status").GetString() != "Completed") { }
        Assert.DoesNotContain(page.Drain(), i => i.Target == "TechnicianPosition");
    }

    private static List<string> Collect(SignalRTestClient page, List<string> into)
    {
        into.AddRange(page.Drain().Select(i => i.Target));
        return into;
    }

    [Fact]
    public async Task AnUnknownOrRevokedToken_IsNotFound_AndAConnectionFollowsOneLinkOnly()
    {
        using var app = new PortalFactory();
        var s = await TrackingScenario.CreateAsync(app);
        var job = await s.AddJobAsync();
        var revoked = await s.TokenForAsync(job);
        var valid = await s.TokenForAsync(await s.AddJobAsync());
        (await s.RevokeAsync(job)).EnsureSuccessStatusCode();

        await using var page = await SignalRTestClient.ConnectAsync(app, TrackingHub.Path, cookie: null);
        var unknown = await Assert.ThrowsAnyAsync<Exception>(() => page.InvokeAsync(nameof(TrackingHub.Watch), "not-a-real-token"));
        var gone = await Assert.ThrowsAnyAsync<Exception>(() => page.InvokeAsync(nameof(TrackingHub.Watch), revoked));
        Assert.Contains("Not found.", unknown.Message);
        Assert.Equal(unknown.Message, gone.Message);

        await page.InvokeAsync(nameof(TrackingHub.Watch), valid);
        var second = await s.TokenForAsync(await s.AddJobAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => page.InvokeAsync(nameof(TrackingHub.Watch), second));
    }

    [Fact]
    public async Task ALinkRevokedWhileThePageIsOpen_EndsThePage_AndNoPositionFollows()
    {
        var clock = new AdjustableClock();
        using var app = new PortalFactory { Clock = clock };
        var s = await TrackingScenario.CreateAsync(app);
        var job = await s.AddJobAsync();
        var token = await s.TokenForAsync(job);
        await using var page = await SignalRTestClient.ConnectAsync(app, TrackingHub.Path, cookie: null);
        await page.InvokeAsync(nameof(TrackingHub.Watch), token);
        await s.MoveAsync(job, "EnRoute");
        await s.PingAsync(41.1550, -8.6150, clock.GetUtcNow());
        await page.NextAsync("TechnicianPosition", Wait);

        (await s.RevokeAsync(job)).EnsureSuccessStatusCode();
        clock.Advance(TrackingAudience.RecheckEvery);
        await s.PingAsync(41.1540, -8.6140, clock.GetUtcNow());

        var heard = new List<string>();
        await Eventually.TrueAsync(() => Task.FromResult(Collect(page, heard).Contains("LinkEnded")), "the open page hears its link ended");
        await s.PingAsync(41.1530, -8.6130, clock.GetUtcNow());
        await s.MoveAsync(job, "OnSite"); // the feed's later news: anything the ping caused would have been sent before it
        await Eventually.TrueAsync(async () =>
        {
            var visit = await s.VisitAsync(await s.TokenForAsync(job)); // a fresh link sees the arrival, so the feed has handled it
            return visit.Status == "OnSite";
        }, "the arrival is recorded");
        Assert.DoesNotContain("TechnicianPosition", Collect(page, heard).SkipWhile(t => t != "LinkEnded"));
        Assert.DoesNotContain("Status", Collect(page, heard).SkipWhile(t => t != "LinkEnded"));
    }
}
