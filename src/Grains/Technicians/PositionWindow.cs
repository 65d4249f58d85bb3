namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// The positions heard in one window, per tenant, keeping only the newest of each technician: by fix time, and of
/// two with the same fix time the one heard last (a status change republishes the same fix). Not thread-safe: the
/// owner locks around it.
/// </summary>
public sealed class PositionWindow
{
    private readonly Dictionary<string, Dictionary<string, TechnicianPositionChanged>> _tenants = new(StringComparer.Ordinal);

    public bool IsEmpty => _tenants.Count == 0;

    public void Add(TechnicianPositionChanged change)
    {
        if (!_tenants.TryGetValue(change.TenantId, out var technicians))
            _tenants[change.TenantId] = technicians = new Dictionary<string, TechnicianPositionChanged>(StringComparer.Ordinal);
        if (!technicians.TryGetValue(change.TechnicianId, out var held) || held.Fix.Time <= change.Fix.Time)
            technicians[change.TechnicianId] = change;
    }

    /// <summary>
    /// The events to publish: per tenant heard from, every technician's newest position, in events of at most
    /// <paramref name="maxPositions"/> (memory streams refuse an event of more than a megabyte, so a fleet of
    /// thousands moving in one window takes several).
    /// </summary>
    public IReadOnlyList<TechnicianPositionsChanged> ToEvents(int maxPositions = MaxPositionsPerEvent)
    {
        var events = new List<TechnicianPositionsChanged>(_tenants.Count);
        foreach (var (tenantId, technicians) in _tenants)
        {
            foreach (var chunk in technicians.Values.Chunk(maxPositions)) events.Add(new TechnicianPositionsChanged(tenantId, chunk));
        }

        return events;
    }

    /// <summary>About 150 KB serialized, far below a memory stream's limit of a megabyte per event.</summary>
    public const int MaxPositionsPerEvent = 1_000;
}
