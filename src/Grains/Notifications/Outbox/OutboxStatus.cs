namespace OrleansPortal.Grains.Notifications.Outbox;

/// <summary>Where a stored message is. Stored by name (lower case), so members may be added but never renamed.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its time (<see cref="OutgoingMessage.NotBefore"/>, a retry's backoff, the end of quiet hours).</summary>
    Queued,

    /// <summary>Claimed by a node, which holds a lease on it while it talks to the provider.</summary>
    Sending,

    /// <summary>The provider took it.</summary>
    Sent,

    /// <summary>The provider reported it reached the phone or mailbox.</summary>
    Delivered,

    /// <summary>Given up: a permanent refusal, or transient failures until the attempts ran out.</summary>
    Failed,

    /// <summary>The provider reported it could not be delivered after taking it.</summary>
    Bounced,

    /// <summary>A rule stopped it before sending: a preference, an opt-out, a cap, a company switch.</summary>
    Suppressed,

    /// <summary>What it announced went away before it was due (a reminder for a window that moved).</summary>
    Cancelled,
}
