using System.Data.Common;
using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Notifications.Outbox;

/// <summary>
/// <see cref="INotificationOutbox"/> on tables <c>notification_outbox</c> and <c>notification_deliveries</c> (PostgreSQL or
/// SQLite). Claims are one <c>UPDATE ... RETURNING</c>; on PostgreSQL its inner select skips rows another node is
/// claiming (<c>FOR UPDATE SKIP LOCKED</c>), so nodes share the queue without waiting on each other. SQLite has one
/// node and one writer at a time. Every settlement is conditional on the caller's lease and writes its log row in the
/// same transaction.
/// </summary>
public sealed class NotificationOutbox(PortalDatabase database) : INotificationOutbox
{
    private const string Columns =
        "id, tenant_id, delivery_key, trigger_name, channel, recipient, customer_id, contact_id, ticket_id, language, subject, " +
        "body_text, body_html, urgent, marketing, not_before, status, attempts, in_doubt, provider_id, error, created_at, updated_at, read_at";

    private const string Insert =
        "INSERT INTO notification_outbox (tenant_id, delivery_key, trigger_name, channel, recipient, customer_id, contact_id, ticket_id, " +
        "language, subject, body_text, body_html, urgent, marketing, not_before, status, attempts, created_at, updated_at) VALUES " +
        "(@tenant, @key, @trigger, @channel, @recipient, @customer, @contact, @ticket, @language, @subject, @text, @html, @urgent, " +
        "@marketing, @notBefore, 'queued', 0, @now, @now) ON CONFLICT (tenant_id, delivery_key) DO NOTHING RETURNING id";

    // SET expressions read the row as it was, so in_doubt records whether this claim takes over a lapsed one (or one a
    // requeue left in doubt).
    private const string ClaimSet =
        "UPDATE notification_outbox SET in_doubt = (status = 'sending' OR in_doubt), status = 'sending', lease_owner = @owner, lease_until = @until, " +
        "attempts = attempts + 1, updated_at = @now WHERE id IN (SELECT id FROM notification_outbox " +
        "WHERE status IN ('queued', 'sending') AND not_before <= @now AND (status = 'queued' OR lease_until < @now) ORDER BY not_before, id LIMIT @max";

    private const string ClaimPostgres = ClaimSet + " FOR UPDATE SKIP LOCKED) RETURNING " + Columns;

    private const string ClaimSqlite = ClaimSet + ") RETURNING " + Columns;

    private const string Held = " WHERE id = @id AND status = 'sending' AND lease_owner = @owner";

    public async Task<long?> EnqueueAsync(OutgoingMessage message, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var ids = await database.ChangeAndReadAsync(Insert, a => a
            .Add("@tenant", message.TenantId)
            .Add("@key", message.DeliveryKey)
            .Add("@trigger", message.Trigger.ToString())
            .Add("@channel", message.Channel.ToString())
            .Add("@recipient", message.Recipient)
            .Add("@customer", message.CustomerId)
            .Add("@contact", message.ContactId)
            .Add("@ticket", message.TicketId)
            .Add("@language", message.Language)
            .Add("@subject", message.Subject)
            .Add("@text", message.Text)
            .Add("@html", message.Html)
            .Add("@urgent", message.Urgent)
            .Add("@marketing", message.Marketing)
            .AddTime("@notBefore", message.NotBefore)
            .AddTime("@now", at), r => r.GetInt64(0), cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var claimed = await database.ChangeAndReadAsync(database.IsPostgreSql ? ClaimPostgres : ClaimSqlite, a => a
            .Add("@owner", owner)
            .AddTime("@until", now + lease)
            .AddTime("@now", now)
            .Add("@max", max), Read, cancellationToken);
        return [.. claimed.OrderBy(m => m.Message.NotBefore).ThenBy(m => m.Id)]; // RETURNING keeps no order
    }

    public Task<bool> MarkSentAsync(long id, string owner, string? providerId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        SettleAsync(id, "UPDATE notification_outbox SET status = 'sent', provider_id = @provider, lease_owner = NULL, lease_until = NULL, error = NULL, updated_at = @at" + Held,
            a => a.Add("@owner", owner).Add("@provider", providerId), at, "sent", providerId, null, cancellationToken);

    public Task<bool> RequeueAsync(long id, string owner, DateTimeOffset notBefore, string step, string? detail, bool countAttempt, bool inDoubt, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        SettleAsync(id,
            "UPDATE notification_outbox SET status = 'queued', not_before = @notBefore, lease_owner = NULL, lease_until = NULL, error = @detail, " +
            "attempts = attempts - @refund, in_doubt = @doubt, updated_at = @at" + Held,
            a => a.Add("@owner", owner).AddTime("@notBefore", notBefore).Add("@detail", detail).Add("@refund", countAttempt ? 0 : 1).Add("@doubt", inDoubt),
            at, step, null, detail, cancellationToken);

    public Task<bool> FinishAsync(long id, string owner, OutboxStatus status, string detail, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (status is not (OutboxStatus.Failed or OutboxStatus.Suppressed)) throw new ArgumentOutOfRangeException(nameof(status), status, "A claimed message finishes as failed or suppressed.");
        return SettleAsync(id, "UPDATE notification_outbox SET status = @status, lease_owner = NULL, lease_until = NULL, error = @detail, updated_at = @at" + Held,
            a => a.Add("@owner", owner).Add("@status", Name(status)).Add("@detail", detail), at, Name(status), null, detail, cancellationToken);
    }

    public async Task<bool> RecordProviderReportAsync(string channel, string providerId, OutboxStatus status, string? detail, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        // Only forward: sent follows sending; delivered, failed and bounced follow sending or sent. A report can beat the
        // sender's own "sent" (the provider calls back before the send call returned), hence sending.
        var from = status switch
        {
            OutboxStatus.Sent => "('sending')",
            OutboxStatus.Delivered or OutboxStatus.Failed or OutboxStatus.Bounced => "('sending', 'sent')",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A provider reports sent, delivered, failed or bounced."),
        };
        var found = await database.QueryAsync("SELECT id FROM notification_outbox WHERE channel = @channel AND provider_id = @provider",
            a => a.Add("@channel", channel).Add("@provider", providerId), r => r.GetInt64(0), cancellationToken);
        if (found.Count == 0) return false;
        await SettleAsync(found[0],
            $"UPDATE notification_outbox SET status = @status, error = @detail, lease_owner = NULL, lease_until = NULL, updated_at = @at WHERE id = @id AND status IN {from}",
            a => a.Add("@status", Name(status)).Add("@detail", detail), at, Name(status), providerId, detail, cancellationToken);
        return true;
    }

    /// <summary>
    /// Runs <paramref name="update"/> (which names the row <c>@id</c> and stamps <c>@at</c>) and, if it changed the row,
    /// writes the log row in the same atomic unit: on PostgreSQL one statement (a data-modifying CTE, one round trip, as
    /// the sender settles hundreds of messages a second); on SQLite a transaction of the two.
    /// </summary>
    private async Task<bool> SettleAsync(long id, string update, Action<SqlArguments> bind, DateTimeOffset at, string step, string? provider, string? detail, CancellationToken cancellationToken)
    {
        void Row(SqlArguments a) => a.Add("@id", id).AddTime("@at", at);
        void Logged(SqlArguments a) => a.Add("@step", step).Add("@logProvider", provider).Add("@logDetail", detail);
        if (database.IsPostgreSql)
        {
            return await database.ExecuteAsync(
                $"WITH changed AS ({update} RETURNING id) INSERT INTO notification_deliveries (message_id, at, status, provider_id, detail) " +
                "SELECT id, @at, @step, @logProvider, @logDetail FROM changed",
                a => { Row(a); bind(a); Logged(a); }, cancellationToken) > 0;
        }

        return await database.ExecuteThenAsync(update, a => { Row(a); bind(a); },
            "INSERT INTO notification_deliveries (message_id, at, status, provider_id, detail) VALUES (@id, @at, @step, @logProvider, @logDetail)",
            a => { Row(a); Logged(a); }, cancellationToken) > 0;
    }

    public Task<int> ReleasePredecessorsAsync(string nodePrefix, string owner, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync(
            "UPDATE notification_outbox SET lease_until = @now WHERE status = 'sending' AND lease_owner <> @owner AND substr(lease_owner, 1, @length) = @prefix",
            a => a.Add("@owner", owner).Add("@prefix", nodePrefix).Add("@length", nodePrefix.Length).AddTime("@now", now), cancellationToken);

    public Task<int> CancelQueuedAsync(string tenantId, string ticketId, NotificationTrigger trigger, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync(
            "UPDATE notification_outbox SET status = 'cancelled', error = @reason, updated_at = @at " +
            "WHERE tenant_id = @tenant AND ticket_id = @ticket AND trigger_name = @trigger AND status = 'queued'",
            a => a.Add("@tenant", tenantId).Add("@ticket", ticketId).Add("@trigger", trigger.ToString()).Add("@reason", reason).AddTime("@at", at),
            cancellationToken);

    public async Task<IReadOnlyList<OutboxMessage>> ForCustomerAsync(string tenantId, string customerId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return await database.QueryAsync(
            $"SELECT {Columns} FROM notification_outbox WHERE tenant_id = @tenant AND customer_id = @customer ORDER BY created_at DESC, id DESC LIMIT @limit",
            a => a.Add("@tenant", tenantId).Add("@customer", customerId).Add("@limit", limit), Read, cancellationToken);
    }

    public async Task<OutboxMessage?> FindByProviderAsync(string channel, string providerId, CancellationToken cancellationToken = default) =>
        (await database.QueryAsync($"SELECT {Columns} FROM notification_outbox WHERE channel = @channel AND provider_id = @provider",
            a => a.Add("@channel", channel).Add("@provider", providerId), Read, cancellationToken)).FirstOrDefault();

    public async Task<OutboxMessage?> GetAsync(string tenantId, long id, CancellationToken cancellationToken = default) =>
        (await database.QueryAsync($"SELECT {Columns} FROM notification_outbox WHERE tenant_id = @tenant AND id = @id",
            a => a.Add("@tenant", tenantId).Add("@id", id), Read, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<DeliveryStep>> StepsAsync(string tenantId, long id, CancellationToken cancellationToken = default) =>
        await database.QueryAsync(
            "SELECT d.message_id, d.at, d.status, d.provider_id, d.detail FROM notification_deliveries d " +
            "JOIN notification_outbox o ON o.id = d.message_id WHERE o.tenant_id = @tenant AND d.message_id = @id ORDER BY d.at",
            a => a.Add("@tenant", tenantId).Add("@id", id),
            r => new DeliveryStep(r.GetInt64(0), database.ReadTime(r, 1), r.GetString(2), Text(r, 3), Text(r, 4)), cancellationToken);

    public async Task<int> CountSentSinceAsync(string tenantId, string recipient, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        (await database.QueryAsync(
            "SELECT count(*) FROM notification_outbox WHERE tenant_id = @tenant AND recipient = @recipient AND updated_at >= @since " +
            "AND status IN ('sent', 'delivered', 'bounced')",
            a => a.Add("@tenant", tenantId).Add("@recipient", recipient).AddTime("@since", since), r => Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), cancellationToken))[0];

    // In-app messages are addressed "{customer}:{contact}"; only those sent (not a reminder waiting for tomorrow) are shown.
    private const string InAppOf = "tenant_id = @tenant AND channel = 'InApp' AND recipient = @recipient AND status IN ('sent', 'delivered')";

    public async Task<IReadOnlyList<OutboxMessage>> InAppForContactAsync(string tenantId, string customerId, string contactId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return await database.QueryAsync($"SELECT {Columns} FROM notification_outbox WHERE {InAppOf} ORDER BY updated_at DESC, id DESC LIMIT @limit",
            a => a.Add("@tenant", tenantId).Add("@recipient", InAppRecipient(customerId, contactId)).Add("@limit", limit), Read, cancellationToken);
    }

    public async Task<int> UnreadInAppAsync(string tenantId, string customerId, string contactId, CancellationToken cancellationToken = default) =>
        (await database.QueryAsync($"SELECT count(*) FROM notification_outbox WHERE {InAppOf} AND read_at IS NULL",
            a => a.Add("@tenant", tenantId).Add("@recipient", InAppRecipient(customerId, contactId)),
            r => Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), cancellationToken))[0];

    public Task<int> MarkInAppReadAsync(string tenantId, string customerId, string contactId, long? id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync($"UPDATE notification_outbox SET read_at = @at WHERE {InAppOf} AND read_at IS NULL" + (id is null ? "" : " AND id = @id"),
            a =>
            {
                a.Add("@tenant", tenantId).Add("@recipient", InAppRecipient(customerId, contactId)).AddTime("@at", at);
                if (id is not null) a.Add("@id", id);
            }, cancellationToken);

    /// <summary>The recipient an in-app message to a contact is stored under.</summary>
    public static string InAppRecipient(string customerId, string contactId) => $"{customerId}:{contactId}";

    private static string Name(OutboxStatus status) => status.ToString().ToLowerInvariant();

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private OutboxMessage Read(DbDataReader r)
    {
        var message = new OutgoingMessage(
            TenantId: r.GetString(1),
            DeliveryKey: r.GetString(2),
            Trigger: Enum.Parse<NotificationTrigger>(r.GetString(3)),
            Channel: Enum.Parse<NotificationChannel>(r.GetString(4)),
            Recipient: r.GetString(5),
            CustomerId: Text(r, 6),
            ContactId: Text(r, 7),
            TicketId: Text(r, 8),
            Language: Text(r, 9),
            Subject: Text(r, 10),
            Text: r.GetString(11),
            Html: Text(r, 12),
            Urgent: r.GetBoolean(13),
            Marketing: r.GetBoolean(14),
            NotBefore: database.ReadTime(r, 15));
        return new OutboxMessage(
            Id: r.GetInt64(0),
            Message: message,
            Status: Enum.Parse<OutboxStatus>(r.GetString(16), ignoreCase: true),
            Attempts: r.GetInt32(17),
            InDoubt: r.GetBoolean(18),
            ProviderId: Text(r, 19),
            Error: Text(r, 20),
            CreatedAt: database.ReadTime(r, 21),
            UpdatedAt: database.ReadTime(r, 22),
            ReadAt: r.IsDBNull(23) ? null : database.ReadTime(r, 23));
    }
}
