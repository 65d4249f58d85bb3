using Orleans;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Grains.Companies.Roster;

/// <summary>A technician on the live map: from the roster, with the latest fix the ping history holds (null before the first).</summary>
[GenerateSerializer, Immutable, Alias("op.LiveTechnician")]
public sealed record LiveTechnician(string TechnicianId, string Name, TechnicianStatus Status, GpsFix? Position, DateTimeOffset? LastSeen);
