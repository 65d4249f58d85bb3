using System.Threading.Channels;

namespace OrleansPortal.Web.Portal;

/// <summary>
/// Link requests waiting for <see cref="MagicLinkSender"/>. The request path only enqueues the email, so it does the same
/// work, in the same time, whether or not the email belongs to anyone. Bounded: when a flood fills it, further requests
/// are dropped (and logged) rather than growing memory without limit.
/// </summary>
public sealed partial class MagicLinkOutbox(ILogger<MagicLinkOutbox> logger)
{
    public const int Capacity = 1_000;

    private readonly Channel<string> _requests = Channel.CreateBounded<string>(new BoundedChannelOptions(Capacity) { SingleReader = true });

    public ChannelReader<string> Reader => _requests.Reader;

    /// <summary>Queues a normalised email; never waits.</summary>
    public void Enqueue(string email)
    {
        if (!_requests.Writer.TryWrite(email)) LogFull(Capacity);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Magic-link outbox full ({Capacity} waiting): a link request was dropped.")]
    private partial void LogFull(int capacity);
}
