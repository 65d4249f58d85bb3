using Orleans;

namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// One technician's share of an ingested batch: the ids of the devices that sent it (each token resolved to its
/// binding) and their fixes, validated, as received at <see cref="ReceivedAt"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.TechnicianPings")]
public sealed record TechnicianPings(IReadOnlyList<string> DeviceIds, IReadOnlyList<GpsFix> Fixes, DateTimeOffset ReceivedAt);
