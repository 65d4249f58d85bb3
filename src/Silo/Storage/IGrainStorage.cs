using Orleans.Runtime;

namespace Orleans.Storage;

/// <summary>
/// A grain state store. Records are keyed by (grain type, grain key, state name): two grain types with the same
/// key never share a record. Writes and clears are conditional on the ETag the caller holds; a mismatch throws
/// <see cref="InconsistentStateException"/> and leaves the stored record untouched.
/// </summary>
public interface IGrainStorage
{
    /// <summary>
    /// Loads the record into <paramref name="grainState"/>. When none exists, State is left as is, ETag is null and
    /// RecordExists false; after a clear, ETag is the tombstone's version and RecordExists false.
    /// </summary>
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>Stores State if the stored version still equals ETag (or no record exists and ETag is null), then sets the new ETag.</summary>
    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>
    /// Clears the record if its version still equals ETag. The store keeps a tombstone with the next version, so
    /// afterwards RecordExists is false and ETag names the tombstone: a writer holding an ETag from before the clear is refused.
    /// </summary>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}
