namespace OrleansPortal.Grains.Notifications.Outbox;

/// <summary>
/// The store of every customer message, before and after it is sent. Each write is durable when it returns.
/// A sender claims due messages under a lease; only the lease's owner may settle a claimed message, so a node that
/// lost its lease (it stalled, another node took the message over) cannot overwrite what the new owner did.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Stores the message as queued; returns its id, or null when the tenant already has a message with its delivery key.</summary>
    Task<long?> EnqueueAsync(OutgoingMessage message, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="max"/> messages due at <paramref name="now"/> (queued ones whose time came, and claimed
    /// ones whose lease ran out: those come back <see cref="OutboxMessage.InDoubt"/>, as do those requeued in doubt), oldest first, for
    /// <paramref name="owner"/> until <paramref name="now"/> plus <paramref name="lease"/>. Each claim counts as an attempt.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The provider took the claimed message. False when <paramref name="owner"/> no longer holds it.</summary>
    Task<bool> MarkSentAsync(long id, string owner, string? providerId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts the claimed message back in the queue until <paramref name="notBefore"/>, logging <paramref name="step"/> and
    /// <paramref name="detail"/> ("retry" after a transient failure; "held" for quiet hours, which does not count as an attempt).
    /// <paramref name="inDoubt"/> says whether the provider may have it already (a send that timed out before the provider
    /// answered): its next claim is then <see cref="OutboxMessage.InDoubt"/>, and the provider is asked before it goes again.
    /// </summary>
    Task<bool> RequeueAsync(long id, string owner, DateTimeOffset notBefore, string step, string? detail, bool countAttempt, bool inDoubt, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Ends the claimed message as <see cref="OutboxStatus.Failed"/> or <see cref="OutboxStatus.Suppressed"/>, with why.</summary>
    Task<bool> FinishAsync(long id, string owner, OutboxStatus status, string detail, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// A provider's report on a message it took (delivered, failed, bounced), found by the provider's id. Never moves a
    /// message backwards: a late "sent" after "delivered" changes nothing. False when no message has that id.
    /// </summary>
    Task<bool> RecordProviderReportAsync(string channel, string providerId, OutboxStatus status, string? detail, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Cancels the queued messages of a ticket for <paramref name="trigger"/> (reminders for a window that moved); returns how many.</summary>
    Task<int> CancelQueuedAsync(string tenantId, string ticketId, NotificationTrigger trigger, string reason, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>A customer's messages, newest first: the team's view of what the customer was told.</summary>
    Task<IReadOnlyList<OutboxMessage>> ForCustomerAsync(string tenantId, string customerId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The message the provider knows by <paramref name="providerId"/> on <paramref name="channel"/> (a Twilio SID, an email's
    /// Message-Id), or null, also while its "sent" is not written yet. Any tenant's: the provider's id is what a report names.
    /// </summary>
    Task<OutboxMessage?> FindByProviderAsync(string channel, string providerId, CancellationToken cancellationToken = default);

    /// <summary>One message of the tenant, or null.</summary>
    Task<OutboxMessage?> GetAsync(string tenantId, long id, CancellationToken cancellationToken = default);

    /// <summary>The delivery log of one message of the tenant, oldest first (empty for another tenant's message).</summary>
    Task<IReadOnlyList<DeliveryStep>> StepsAsync(string tenantId, long id, CancellationToken cancellationToken = default);

    /// <summary>How many messages went to <paramref name="recipient"/> (sent or further) since <paramref name="since"/>: the daily cap.</summary>
    Task<int> CountSentSinceAsync(string tenantId, string recipient, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>A contact's in-app messages that have been sent, newest first (the bell's list).</summary>
    Task<IReadOnlyList<OutboxMessage>> InAppForContactAsync(string tenantId, string customerId, string contactId, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many of a contact's sent in-app messages are unread.</summary>
    Task<int> UnreadInAppAsync(string tenantId, string customerId, string contactId, CancellationToken cancellationToken = default);

    /// <summary>Marks one (or, with no id, every) sent in-app message of the contact read; returns how many changed.</summary>
    Task<int> MarkInAppReadAsync(string tenantId, string customerId, string contactId, long? id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends at once the leases held by earlier processes of this node (owners starting with <paramref name="nodePrefix"/>,
    /// other than <paramref name="owner"/>): a node that restarts takes its predecessor's claims back, in doubt, instead of
    /// waiting for them to run out. Only for a prefix no live process can share. Returns how many were released.
    /// </summary>
    Task<int> ReleasePredecessorsAsync(string nodePrefix, string owner, DateTimeOffset now, CancellationToken cancellationToken = default);
}
