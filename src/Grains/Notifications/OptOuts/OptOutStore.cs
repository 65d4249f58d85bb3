using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Notifications.OptOuts;

/// <summary><see cref="IOptOutStore"/> on table <c>notification_opt_outs</c> (PostgreSQL or SQLite): one row per change, latest by seq.</summary>
public sealed class OptOutStore(PortalDatabase database) : IOptOutStore
{
    /// <summary>The longest history <see cref="HistoryAsync"/> returns.</summary>
    public const int MaxHistory = 1000;

    /// <summary>The longest address or sender kept (an email address's limit; a phone or a Messaging Service SID is shorter).</summary>
    public const int MaxKeyLength = InputLimits.Email;

    private const string Insert =
        "INSERT INTO notification_opt_outs (channel, address, sender, opted_out, at, source) VALUES (@channel, @address, @sender, @optedOut, @at, @source)";

    private const string Latest =
        "SELECT opted_out FROM notification_opt_outs WHERE channel = @channel AND address = @address AND sender = @sender ORDER BY seq DESC LIMIT 1";

    private const string History =
        "SELECT sender, opted_out, at, source FROM notification_opt_outs WHERE channel = @channel AND address = @address ORDER BY seq DESC LIMIT @limit";

    public Task RecordAsync(OptOutChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        CheckKey(change.Address, change.Sender);
        ArgumentException.ThrowIfNullOrWhiteSpace(change.Source);
        return database.ExecuteAsync(Insert, a => a
            .Add("@channel", change.Channel.ToString())
            .Add("@address", change.Address)
            .Add("@sender", change.Sender)
            .Add("@optedOut", change.OptedOut)
            .AddTime("@at", change.At)
            .Add("@source", change.Source), cancellationToken);
    }

    public async Task<bool> IsOptedOutAsync(NotificationChannel channel, string address, string sender, CancellationToken cancellationToken = default)
    {
        CheckKey(address, sender);
        var latest = await database.QueryAsync(Latest, a => a.Add("@channel", channel.ToString()).Add("@address", address).Add("@sender", sender),
            r => r.GetBoolean(0), cancellationToken);
        return latest is [true];
    }

    public async Task<IReadOnlyList<OptOutChange>> HistoryAsync(NotificationChannel channel, string address, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxHistory);
        return await database.QueryAsync(History, a => a.Add("@channel", channel.ToString()).Add("@address", address).Add("@limit", limit),
            r => new OptOutChange(channel, address, r.GetString(0), r.GetBoolean(1), database.ReadTime(r, 2), r.GetString(3)), cancellationToken);
    }

    private static void CheckKey(string address, string sender)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(address.Length, MaxKeyLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sender.Length, MaxKeyLength);
    }
}
