namespace Orleans;

/// <summary>A grain's state as a storage provider sees it: the value, its version tag and whether a record exists.</summary>
public interface IGrainState<T>
{
    T State { get; set; }

    /// <summary>The version of the stored record this state was read from or last written as; null when none exists.</summary>
    string? ETag { get; set; }

    bool RecordExists { get; set; }
}
