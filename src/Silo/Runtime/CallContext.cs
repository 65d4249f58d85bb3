namespace Orleans.Runtime;

/// <summary>
/// What the runtime knows about the code running now: which activation and which call chain. It flows with the
/// async execution context, so a call made after an await in grain code still carries its request's chain.
/// </summary>
internal sealed record CallContext(ActivationData Activation, long ChainId)
{
    private static readonly AsyncLocal<CallContext?> CurrentContext = new();
    private static long _lastChainId;

    public static CallContext? Current
    {
        get => CurrentContext.Value;
        set => CurrentContext.Value = value;
    }

    public static long NewChainId() => Interlocked.Increment(ref _lastChainId);
}
