using System.Globalization;

namespace Orleans.Runtime;

/// <summary>A stream's identity: a namespace (what kind of events, e.g. "technician-location") and a key (whose).</summary>
public readonly record struct StreamId(string Namespace, string Key)
{
    public static StreamId Create(string streamNamespace, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamNamespace);
        ArgumentNullException.ThrowIfNull(key);
        return new StreamId(streamNamespace, key);
    }

    public static StreamId Create(string streamNamespace, Guid key) => Create(streamNamespace, key.ToString("N"));

    public static StreamId Create(string streamNamespace, long key) => Create(streamNamespace, key.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => $"{Namespace}/{Key}";
}
