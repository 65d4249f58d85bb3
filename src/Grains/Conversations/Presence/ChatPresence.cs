namespace OrleansPortal.Grains.Conversations.Presence;

/// <summary>The team's availability from its connections' last reports: pure, so its rules are tested without a cluster.</summary>
public static class ChatPresence
{
    /// <summary>Connections report every minute; one not heard from for this long is gone (its browser or its node).</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(150);

    public static TeamAvailability Of(IEnumerable<ConnectionReport> connections, DateTimeOffset now)
    {
        var agents = connections
            .Where(c => now - c.At < Silence && c.Status != AgentStatus.Offline)
            .GroupBy(c => c.Email.ToLowerInvariant())
            .Select(g => g.OrderByDescending(c => c.Status).ThenByDescending(c => c.At).First())
            .Select(c => new AgentPresence(c.Email, c.Name, c.Status))
            .OrderByDescending(a => a.Status).ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .ToList();
        var status = agents.Count == 0 ? AgentStatus.Offline : agents[0].Status;
        return new TeamAvailability(status, agents);
    }
}

public sealed record ConnectionReport(string Email, string Name, AgentStatus Status, DateTimeOffset At);
