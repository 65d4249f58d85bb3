using System.ComponentModel.DataAnnotations;
using OrleansPortal.Grains.Support.Routing;

namespace OrleansPortal.Web.Support.Routing;

/// <summary>
/// Automatic assignment as the settings panel shows it: whether it is on, and every member of the team (the company's
/// dispatchers) with what they handle (no category: everything) and whether they take new cases now, and how many cases
/// still to be worked they hold; and whether a chat message sent while nobody is online opens a case.
/// </summary>
public sealed record RoutingSettingsDto(bool Enabled, IReadOnlyList<AgentRoutingDto> Agents, bool OfflineChatToCase);

public sealed record AgentRoutingDto(string Email, IReadOnlyList<string> Categories, bool TakesCases, int OpenCases);

public sealed record RoutingSettingsRequest(
    bool? Enabled,
    bool? OfflineChatToCase,
    [property: MaxLength(SupportRoutingSettings.MaxAgents)] IReadOnlyList<AgentRoutingRequest?>? Agents);

public sealed record AgentRoutingRequest(
    [property: MaxLength(320)] string? Email,
    [property: MaxLength(16)] IReadOnlyList<string?>? Categories,
    bool? TakesCases);
