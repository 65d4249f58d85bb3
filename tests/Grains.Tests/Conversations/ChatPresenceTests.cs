using OrleansPortal.Grains.Conversations.Presence;

namespace OrleansPortal.Grains.Tests.Conversations;

/// <summary>The team's availability from its chat connections' reports: the best status per member, silent connections gone.</summary>
public sealed class ChatPresenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheTeam_IsOnline_WhenAnyoneIs_AwayWhenOnlyAway_OfflineWithNobody()
    {
        Assert.Equal(AgentStatus.Offline, ChatPresence.Of([], Now).Status);
        Assert.Equal(AgentStatus.Away, ChatPresence.Of([Report("ana@acme.test", AgentStatus.Away, 10)], Now).Status);
        var both = ChatPresence.Of([Report("ana@acme.test", AgentStatus.Away, 10), Report("rui@acme.test", AgentStatus.Online, 20)], Now);
        Assert.Equal(AgentStatus.Online, both.Status);
        Assert.Equal(["rui@acme.test Online", "ana@acme.test Away"], both.Agents.Select(a => $"{a.Email} {a.Status}"));
    }

    [Fact]
    public void AMemberWithTwoTabs_CountsOnce_ByTheirBestStatus_AndSilentConnectionsAreGone()
    {
        var availability = ChatPresence.Of(
            [Report("ana@acme.test", AgentStatus.Away, 5), Report("Ana@Acme.test", AgentStatus.Online, 30), Report("rui@acme.test", AgentStatus.Online, 151)], Now);

        var ana = Assert.Single(availability.Agents); // Rui was not heard from for 151 s
        Assert.Equal(("Ana@Acme.test", AgentStatus.Online), (ana.Email, ana.Status));
    }

    private static ConnectionReport Report(string email, AgentStatus status, int secondsAgo) => new(email, email.Split('@')[0], status, Now.AddSeconds(-secondsAgo));
}
