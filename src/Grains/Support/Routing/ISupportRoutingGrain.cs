using Orleans;
using OrleansPortal.Grains.Support.Cases;

namespace OrleansPortal.Grains.Support.Routing;

/// <summary>
/// Who of the team takes a new case (one grain per company, key = tenant id): when the company switched automatic
/// assignment on, among the agents who take cases and handle its category (their skills), the one holding the fewest
/// cases still to be worked, and among equals the one who got a case longest ago (round robin).
/// </summary>
[Alias("op.ISupportRoutingGrain")]
public interface ISupportRoutingGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<SupportRoutingSettings> GetAsync();

    /// <summary>Replaces the settings; <see cref="ArgumentException"/> for an agent named twice or too many.</summary>
    [Alias("Set")]
    Task<SupportRoutingSettings> SetAsync(SupportRoutingSettings settings);

    /// <summary>The agent for a new case of <paramref name="category"/>, or null when assignment is off or nobody fits.</summary>
    [Alias("Choose")]
    Task<string?> ChooseAsync(CaseCategory category);
}

/// <param name="Agents">The team members' routing; a dispatcher not listed takes every category.</param>
/// <param name="OfflineChatToCase">A customer's chat message sent while nobody of the team is online opens a case (one per thread and day).</param>
[GenerateSerializer, Immutable, Alias("op.SupportRoutingSettings")]
public sealed record SupportRoutingSettings(bool Enabled, IReadOnlyList<AgentRouting> Agents, bool OfflineChatToCase = false)
{
    public const int MaxAgents = 200;

    public static SupportRoutingSettings Off { get; } = new(false, []);
}

/// <param name="Email">The agent's sign-in address (a dispatcher of the company).</param>
/// <param name="Categories">What the agent handles; empty: everything.</param>
/// <param name="TakesCases">Off while the agent is away: they get no new case.</param>
[GenerateSerializer, Immutable, Alias("op.AgentRouting")]
public sealed record AgentRouting(string Email, IReadOnlyList<CaseCategory> Categories, bool TakesCases);
