namespace Orleans.Storage;

/// <summary>
/// A stored state record exists but cannot be read as the state type the grain asked for (corrupt payload or a
/// shape change that is not backward compatible). Thrown instead of resetting the state, so the stored data is
/// never overwritten by a default value.
/// </summary>
public sealed class StateDeserializationException : Exception
{
    public StateDeserializationException() { }

    public StateDeserializationException(string message) : base(message) { }

    public StateDeserializationException(string message, Exception innerException) : base(message, innerException) { }
}
