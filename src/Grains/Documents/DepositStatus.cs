using Orleans;

namespace OrleansPortal.Grains.Documents;

/// <summary>Where an estimate's deposit stands; its payment is read from the deposit invoice's ledger.</summary>
[GenerateSerializer, Alias("op.DepositStatus")]
public enum DepositStatus
{
    /// <summary>The estimate asks for no deposit.</summary>
    None,

    /// <summary>Asked for, not approved yet: no deposit invoice exists.</summary>
    AwaitingApproval,

    /// <summary>Approved: the deposit invoice is issued and not settled yet.</summary>
    Due,

    /// <summary>The deposit invoice is paid (Stripe's webhook, or the office recorded it).</summary>
    Paid,
}
