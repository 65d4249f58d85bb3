namespace Orleans;

/// <summary>Why an activation is being deactivated; passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
public enum DeactivationReasonCode
{
    None,
    ActivationIdle,
    ApplicationRequested,
    ApplicationError,
    ShuttingDown,
}

public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description);
