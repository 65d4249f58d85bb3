using Orleans;
using OrleansPortal.Grains.Support.Cases;

namespace OrleansPortal.Grains.Support.Sla;

/// <summary>
/// What the company commits to for cases of one priority, in business minutes from the case's opening: a first answer
/// within <paramref name="FirstResponseMinutes"/>, resolution within <paramref name="ResolutionMinutes"/>. Null: no target.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.SlaTarget")]
public sealed record SlaTarget(CasePriority Priority, int? FirstResponseMinutes, int? ResolutionMinutes);
