using Orleans;

namespace OrleansPortal.Grains.Support.Sla;

/// <summary>How one SLA target of a case stands. Stored by value: members are only ever added at the end.</summary>
[GenerateSerializer, Alias("op.SlaState")]
public enum SlaState
{
    /// <summary>The case's priority has no such target.</summary>
    None,
    OnTrack,

    /// <summary>At least <see cref="SlaClock.AtRiskShare"/> of the target's business time is used.</summary>
    AtRisk,
    Breached,

    /// <summary>Done in time (first answer given, case resolved).</summary>
    Met,

    /// <summary>Not counting: the case waits on the customer.</summary>
    Paused,
}
