using OrleansPortal.Grains.Support.Cases;

namespace OrleansPortal.Grains.Support.Routing;

/// <summary>The choice itself, apart from the grain: pure, so its rules are tested without a cluster.</summary>
public static class SupportRouting
{
    /// <summary>
    /// The agent for a case of <paramref name="category"/> among the company's <paramref name="dispatchers"/>: those who
    /// take cases and name the category among their skills; if none names it, those who handle everything. Fewest cases in
    /// hand first (<paramref name="load"/>), then the longest since their last case (<paramref name="lastAssigned"/>: the number of the last assignment each got), then
    /// the order they joined.
    /// </summary>
    public static string? Choose(
        CaseCategory category, IReadOnlyList<string> dispatchers, SupportRoutingSettings settings, IReadOnlyDictionary<string, int> load,
        IReadOnlyDictionary<string, long> lastAssigned)
    {
        ArgumentNullException.ThrowIfNull(dispatchers);
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled) return null;
        var routing = settings.Agents.ToDictionary(a => Key(a.Email), StringComparer.Ordinal);
        var agents = dispatchers
            .Select((email, order) => (Email: email, Order: order, Routing: routing.GetValueOrDefault(Key(email)) ?? new AgentRouting(email, [], TakesCases: true)))
            .Where(a => a.Routing.TakesCases)
            .ToList();
        var specialists = agents.Where(a => a.Routing.Categories.Contains(category)).ToList();
        var candidates = specialists.Count > 0 ? specialists : agents.Where(a => a.Routing.Categories.Count == 0).ToList();
        return candidates
            .OrderBy(a => load.GetValueOrDefault(Key(a.Email)))
            .ThenBy(a => lastAssigned.GetValueOrDefault(Key(a.Email)))
            .ThenBy(a => a.Order)
            .Select(a => a.Email)
            .FirstOrDefault();
    }

    public static string Key(string email) => email.Trim().ToLowerInvariant();
}
