namespace Orleans.Runtime;

/// <summary>
/// A grain's persisted state, injected by <see cref="PersistentStateAttribute"/>. It is read before
/// OnActivateAsync; it is written only when the grain calls <see cref="WriteStateAsync"/>. Writes are
/// conditional on <see cref="Etag"/>: a stale write throws InconsistentStateException and the runtime drops
/// the activation, so the next call starts from what is stored.
/// </summary>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    /// <summary>The version of the stored record; null when nothing has been stored.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync();

    Task WriteStateAsync();

    /// <summary>Deletes the stored record and resets <see cref="State"/> to a new value.</summary>
    Task ClearStateAsync();
}
