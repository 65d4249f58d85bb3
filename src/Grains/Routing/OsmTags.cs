namespace OrleansPortal.Grains.Routing;

/// <summary>
/// The tags of one node or way as the PBF block stores them: indexes into the block's string table, read only when
/// asked. Valid only during the <see cref="IOsmElementHandler"/> call that receives it (the lists are reused).
/// </summary>
internal readonly struct OsmTags(IReadOnlyList<string> strings, List<long> keys, List<long> values, int start, int count)
{
    public int Count => count;

    public string Key(int i) => strings[(int)keys[start + i]];

    public string Value(int i) => strings[(int)values[start + i]];

    /// <summary>The value of <paramref name="key"/>, or null when the element does not have it (tags are few: a linear scan).</summary>
    public string? this[string key]
    {
        get
        {
            for (var i = 0; i < count; i++)
            {
                if (string.Equals(Key(i), key, StringComparison.Ordinal)) return Value(i);
            }
            return null;
        }
    }
}
