namespace Orleans.Runtime;

internal enum ActivationState
{
    /// <summary>State is being read and OnActivateAsync runs; messages wait.</summary>
    Activating,

    /// <summary>Accepting messages.</summary>
    Valid,

    /// <summary>OnDeactivateAsync runs; new messages wait and go to the next activation afterwards.</summary>
    Deactivating,

    /// <summary>Gone from the catalog; a caller holding it must look the grain up again.</summary>
    Invalid,
}
