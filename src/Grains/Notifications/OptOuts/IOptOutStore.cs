namespace OrleansPortal.Grains.Notifications.OptOuts;

/// <summary>
/// Who asked not to hear from a sender, on any channel, kept as a history of changes (<see cref="OptOutChange"/>) in a
/// table of its own: the notification engine asks <see cref="IsOptedOutAsync"/> before every message, the SMS webhook
/// records STOP and START, and email's one-click unsubscribe records its own.
/// <para>
/// The key is (channel, address, sender), with no tenant: a recipient who texts STOP to a number has stopped that
/// number, whichever company sends through it (the carrier and Twilio block it too).
/// </para>
/// </summary>
public interface IOptOutStore
{
    /// <summary>Adds the change to the history, durably when it returns; an earlier change is never altered.</summary>
    Task RecordAsync(OptOutChange change, CancellationToken cancellationToken = default);

    /// <summary>Whether the latest change recorded for the address and sender is an opt-out (false when none was recorded).</summary>
    Task<bool> IsOptedOutAsync(NotificationChannel channel, string address, string sender, CancellationToken cancellationToken = default);

    /// <summary>The address's changes on the channel, for every sender, latest first: at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OptOutChange>> HistoryAsync(NotificationChannel channel, string address, int limit, CancellationToken cancellationToken = default);
}
