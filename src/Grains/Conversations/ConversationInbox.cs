using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Conversations;

/// <summary>
/// <see cref="IConversationInbox"/> on table <c>conversation_threads</c> (PostgreSQL or SQLite). A report is one
/// upsert whose condition keeps the newer activity, so conversations reporting concurrently need no coordinator.
/// </summary>
public sealed class ConversationInbox(PortalDatabase database) : IConversationInbox
{
    private const string Insert =
        "INSERT INTO conversation_threads (tenant_id, thread_id, customer_id, last_message_at, team_unread) " +
        "VALUES (@tenant, @thread, @customer, @at, @unread) ON CONFLICT (tenant_id, thread_id) DO UPDATE " +
        "SET customer_id = excluded.customer_id, last_message_at = excluded.last_message_at, team_unread = excluded.team_unread " +
        "WHERE conversation_threads.last_message_at <= excluded.last_message_at AND ";

    // Neither writes a row that would not change: PostgreSQL's IS DISTINCT FROM is SQLite's IS NOT.
    private const string UpdatePostgres = Insert +
        "(conversation_threads.customer_id, conversation_threads.last_message_at, conversation_threads.team_unread) " +
        "IS DISTINCT FROM (excluded.customer_id, excluded.last_message_at, excluded.team_unread)";

    private const string UpdateSqlite = Insert +
        "(conversation_threads.customer_id IS NOT excluded.customer_id OR conversation_threads.last_message_at IS NOT excluded.last_message_at " +
        "OR conversation_threads.team_unread IS NOT excluded.team_unread)";

    private const string List =
        "SELECT thread_id, customer_id, last_message_at, team_unread FROM conversation_threads WHERE tenant_id = @tenant " +
        "ORDER BY last_message_at DESC, thread_id LIMIT @limit";

    private const string ListForCustomer =
        "SELECT thread_id, customer_id, last_message_at, team_unread FROM conversation_threads WHERE tenant_id = @tenant AND customer_id = @customer " +
        "ORDER BY last_message_at DESC, thread_id LIMIT @limit";

    public Task UpdateAsync(string tenantId, ThreadActivity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(activity);
        return database.ExecuteAsync(database.IsPostgreSql ? UpdatePostgres : UpdateSqlite, a => a
            .Add("@tenant", tenantId)
            .Add("@thread", activity.ThreadId)
            .Add("@customer", activity.CustomerId)
            .AddTime("@at", activity.LastMessageAt)
            .Add("@unread", activity.TeamUnread), cancellationToken);
    }

    public async Task<IReadOnlyList<ThreadActivity>> ListAsync(string tenantId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return await database.QueryAsync(List, a => a.Add("@tenant", tenantId).Add("@limit", limit), Read, cancellationToken);
    }

    public async Task<IReadOnlyList<ThreadActivity>> ListForCustomerAsync(string tenantId, string customerId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return await database.QueryAsync(ListForCustomer, a => a.Add("@tenant", tenantId).Add("@customer", customerId).Add("@limit", limit), Read, cancellationToken);
    }

    private ThreadActivity Read(System.Data.Common.DbDataReader r) => new(r.GetString(0), r.GetString(1), database.ReadTime(r, 2), r.GetInt32(3));
}
