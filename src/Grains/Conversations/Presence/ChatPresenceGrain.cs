using Orleans;

namespace OrleansPortal.Grains.Conversations.Presence;

/// <summary>Connections in memory only (see <see cref="IChatPresenceGrain"/>); silent ones are dropped as they are read.</summary>
public sealed class ChatPresenceGrain(DomainClock clock) : Grain, IChatPresenceGrain
{
    /// <summary>More connections than a company's team opens; past it, the oldest report goes first.</summary>
    private const int MaxConnections = 1000;

    private readonly Dictionary<string, ConnectionReport> _connections = new(StringComparer.Ordinal);

    public Task ReportAsync(string connectionId, string email, string name, AgentStatus status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        Forget(clock.GetUtcNow());
        if (_connections.Count >= MaxConnections && !_connections.ContainsKey(connectionId))
            _connections.Remove(_connections.MinBy(c => c.Value.At).Key);
        _connections[connectionId] = new ConnectionReport(email, name, status, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task DisconnectAsync(string connectionId)
    {
        _connections.Remove(connectionId);
        return Task.CompletedTask;
    }

    public Task<TeamAvailability> GetAsync()
    {
        var now = clock.GetUtcNow();
        Forget(now);
        return Task.FromResult(ChatPresence.Of(_connections.Values, now));
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var silent in _connections.Where(c => now - c.Value.At >= ChatPresence.Silence).Select(c => c.Key).ToList()) _connections.Remove(silent);
    }
}
