namespace Orleans.Configuration;

/// <summary>How grain calls are delivered.</summary>
public sealed class SiloMessagingOptions
{
    /// <summary>How long a caller waits for a grain call before it gets a <see cref="TimeoutException"/>.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How deep calls may nest on one thread when a call runs inline on an idle activation (see docs/runtime.md).
    /// Zero queues every call, as Orleans does.
    /// </summary>
    public int MaxInlineDepth { get; set; } = 4;
}
