namespace Orleans.Runtime;

/// <summary>
/// The identity of a grain: its type name and its key, both strings. Guid and integer keys are stored in a
/// canonical string form ("N" format for Guids, invariant decimal for longs) so that every key type maps
/// to exactly one <see cref="GrainId"/>.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public static GrainId Create(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        return new GrainId(type, key);
    }

    public static GrainId Create(string type, Guid key) => new(type, key.ToString("N"));

    public static GrainId Create(string type, long key) => new(type, key.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Parses the "type/key" form produced by <see cref="ToString"/>.</summary>
    public static GrainId Parse(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        return new GrainId(value[..slash], value[(slash + 1)..]);
    }

    public override string ToString() => $"{Type}/{Key}";
}
