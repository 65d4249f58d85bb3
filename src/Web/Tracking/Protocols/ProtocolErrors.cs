namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>
/// Collects a reader's validation errors. Bounded: a 1 MiB body of broken pings must not become a response of
/// megabytes. Messages quote the offending value shortened, and never a device token (tokens are secrets).
/// </summary>
internal sealed class ProtocolErrors
{
    internal const int MaxKeys = 100;
    private const int MaxMessagesPerKey = 10;
    private const int MaxQuotedLength = 40;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private int _dropped;

    /// <summary>Every error added, including those dropped by the bound: compare before and after reading a ping.</summary>
    public int Added { get; private set; }

    public void Add(string key, string message)
    {
        Added++;
        if (_errors.TryGetValue(key, out var messages))
        {
            if (messages.Length < MaxMessagesPerKey)
                _errors[key] = [.. messages, message];
            else
                _dropped++;
        }
        else if (_errors.Count < MaxKeys)
            _errors[key] = [message];
        else
            _dropped++;
    }

    public void Missing(string key) => Add(key, $"{NameOf(key)} is missing");

    public void NotANumber(string key, ReadOnlySpan<char> value) => Add(key, $"{NameOf(key)} '{Quote(value)}' is not a number");

    public void NotATime(string key, ReadOnlySpan<char> value) => Add(key, $"{NameOf(key)} '{Quote(value)}' is not a time");

    public void WrongType(string key, string expected) => Add(key, $"{NameOf(key)} must be {expected}");

    public ProtocolReadResult ToResult(IReadOnlyList<DevicePing> pings) => new(pings, ToDictionary());

    public ProtocolReadResult ToResult() => new([], ToDictionary());

    // Each reader makes one ProtocolErrors per request, so the result can own the dictionary.
    private Dictionary<string, string[]> ToDictionary()
    {
        if (_dropped > 0)
        {
            var note = $"{_dropped} more errors are not shown";
            _errors["body"] = _errors.TryGetValue("body", out var messages) ? [.. messages, note] : [note];
        }
        return _errors;
    }

    // The field's own name for the message: "pings[3].lat" -> "lat".
    private static string NameOf(string key) => key[(key.LastIndexOf('.') + 1)..];

    internal static string Quote(ReadOnlySpan<char> value) =>
        value.Length <= MaxQuotedLength ? value.ToString() : string.Concat(value[..MaxQuotedLength], "…");
}
