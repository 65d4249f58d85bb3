using Orleans;

namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// What one node heard of a tenant's technicians in one window, as published on "tenant-locations/{tenant}": the
/// newest position of each technician that moved (or changed status), at most one per technician.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.TechnicianPositionsChanged")]
public sealed record TechnicianPositionsChanged(string TenantId, IReadOnlyList<TechnicianPositionChanged> Positions);
