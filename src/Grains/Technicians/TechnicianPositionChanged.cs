using Orleans;

namespace OrleansPortal.Grains.Technicians;

/// <summary>A technician's new position, as published on the location streams.</summary>
[GenerateSerializer, Immutable, Alias("op.TechnicianPositionChanged")]
public sealed record TechnicianPositionChanged(
    string TenantId,
    string TechnicianId,
    string Name,
    TechnicianStatus Status,
    GpsFix Fix,
    DateTimeOffset ReceivedAt);
