using Orleans;

namespace OrleansPortal.Grains.Payments.Dunning;

[GenerateSerializer, Alias("op.DunningStatus")]
public enum DunningStatus
{
    /// <summary>Retries are scheduled.</summary>
    Retrying,

    /// <summary>The office stopped the retries for now; resuming schedules the next one.</summary>
    Paused,

    /// <summary>The last retry failed: the plan is paused and the office alerted, until the money comes some other way.</summary>
    GaveUp,

    /// <summary>Paid: the case is over.</summary>
    Resolved,
}
