namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// The positions heard in one window, per tenant, keeping only the newest of each technician: by fix time, and of
/// two with the same fix time the one heard last (a status change republishes the same fix). Not thread-safe: the
/// owner locks around it. Reusable: <see cref="Clear"/> keeps the tables of tenants still active, so a busy node
/// does not rebuild (and collect) a table of thousands of technicians every window.
/// </summary>
public sealed class PositionWindow
{
    /// <summary>About 75 KB serialized: below the large-object heap's threshold, and far below a memory stream's limit of a megabyte per event.</summary>
    public const int MaxPositionsPerEvent = 500;

    private readonly Dictionary<string, Dictionary<string, TechnicianPositionChanged>> _tenants = new(StringComparer.Ordinal);
    private int _count;

    public bool IsEmpty => _count == 0;

    public void Add(TechnicianPositionChanged change)
    {
        if (!_tenants.TryGetValue(change.TenantId, out var technicians))
            _tenants[change.TenantId] = technicians = new Dictionary<string, TechnicianPositionChanged>(StringComparer.Ordinal);
        if (!technicians.TryGetValue(change.TechnicianId, out var held))
            _count++;
        else if (held.Fix.Time > change.Fix.Time)
            return;
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

    /// <summary>Empties the window for reuse; tenants that were quiet in it are forgotten.</summary>
    public void Clear()
    {
        foreach (var (tenantId, technicians) in _tenants)
        {
            if (technicians.Count == 0) _tenants.Remove(tenantId);
            else technicians.Clear();
        }

        _count = 0;
    }
}
