using Orleans;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Grains.Companies.Roster;

/// <summary>A technician as the company's roster holds them.</summary>
[GenerateSerializer, Immutable, Alias("op.RosterEntry")]
public sealed record RosterEntry(string TechnicianId, string Name, TechnicianStatus Status);
