namespace OrleansPortal.Web.Notifications.Outbox;

/// <summary>How this node works the outbox ("Notifications:Outbox" section).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Notifications:Outbox";

    /// <summary>Messages claimed ahead of the workers, at most (a claim tops this queue up once it is half empty).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Messages in flight to providers at once.</summary>
    public int Concurrency { get; set; } = 32;

    /// <summary>
    /// How long a claim is this node's. A node that dies mid-send leaves its messages to others after this; a send is
    /// cut off well before it (<see cref="SendTimeout"/>), and a message that waited on this node until too little of its
    /// lease is left is put back rather than sent, so a slow provider never lets two nodes send the same message.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an idle node looks for messages that became due (a reminder's hour, a retry's backoff).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts before a message that keeps failing transiently is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first transient failure; it doubles with each attempt, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Messages a contact receives per channel per day at most; urgent ones are not counted against it.</summary>
    public int DailyCapPerRecipient { get; set; } = 10;
}
