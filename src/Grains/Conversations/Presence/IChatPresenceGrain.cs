using Orleans;

namespace OrleansPortal.Grains.Conversations.Presence;

/// <summary>
/// Who of the company's team is there to chat (one grain per company, key = tenant id): each open chat connection of the
/// team reports its member's status (online or away) when it opens, when it changes and every minute; a connection
/// closed, or silent for <see cref="ChatPresence.Silence"/> (its node died), counts no more. Nothing is stored: after
/// the grain's own restart, the reports of the next minute fill it again.
/// </summary>
[Alias("op.IChatPresenceGrain")]
public interface IChatPresenceGrain : IGrainWithStringKey
{
    [Alias("Report")]
    Task ReportAsync(string connectionId, string email, string name, AgentStatus status);

    [Alias("Disconnect")]
    Task DisconnectAsync(string connectionId);

    [Alias("Get")]
    Task<TeamAvailability> GetAsync();
}

[GenerateSerializer, Alias("op.AgentStatus")]
public enum AgentStatus
{
    Offline,
    Away,
    Online,
}

/// <param name="Status">The team's: online when anyone is, away when someone is but only away, else offline.</param>
/// <param name="Agents">Each member with a live connection, by their best status.</param>
[GenerateSerializer, Immutable, Alias("op.TeamAvailability")]
public sealed record TeamAvailability(AgentStatus Status, IReadOnlyList<AgentPresence> Agents);

[GenerateSerializer, Immutable, Alias("op.AgentPresence")]
public sealed record AgentPresence(string Email, string Name, AgentStatus Status);
