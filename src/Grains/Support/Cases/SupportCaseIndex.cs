using System.Data.Common;
using System.Text;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Support.Sla;

namespace OrleansPortal.Grains.Support.Cases;

/// <summary><see cref="ISupportCaseIndex"/> on tables <c>support_cases</c> and <c>case_numbers</c> (PostgreSQL or SQLite).</summary>
public sealed class SupportCaseIndex(PortalDatabase database) : ISupportCaseIndex
{
    private const string Columns =
        "case_id, number, customer_id, opened_by_contact, property_id, subject, status, priority, category, channel, assignee_email, " +
        "opened_at, updated_at, first_response_at, resolved_at, first_response_due, resolution_due, first_response_sla, resolution_sla";

    private const string Values =
        "@case, @customer, @contact, @property, @subject, @status, @priority, @category, @channel, @assignee, @opened, @updated, @firstResponse, @resolved, @firstResponseDue, @resolutionDue, @firstResponseSla, @resolutionSla";

    private const string NextNumber =
        "INSERT INTO case_numbers (tenant_id, last_number) VALUES (@tenant, 1) " +
        "ON CONFLICT (tenant_id) DO UPDATE SET last_number = case_numbers.last_number + 1 RETURNING last_number";

    // PostgreSQL: the number and the row in one statement, so the company's counter is locked for that statement only.
    private const string FileWithNumber =
        "WITH taken AS (" + NextNumber + ") INSERT INTO support_cases (tenant_id, number, " +
        "case_id, customer_id, opened_by_contact, property_id, subject, status, priority, category, channel, assignee_email, opened_at, updated_at, " +
        "first_response_at, resolved_at, first_response_due, resolution_due, first_response_sla, resolution_sla) SELECT @tenant, taken.last_number, " + Values + " FROM taken RETURNING number";

    private const string Insert =
        "INSERT INTO support_cases (tenant_id, number, case_id, customer_id, opened_by_contact, property_id, subject, status, priority, category, " +
        "channel, assignee_email, opened_at, updated_at, first_response_at, resolved_at, first_response_due, resolution_due, first_response_sla, resolution_sla) VALUES (@tenant, @number, " + Values + ")";

    private const string NumberOf = "SELECT number FROM support_cases WHERE tenant_id = @tenant AND case_id = @case";

    // The row of an opened case changes where its grain says; an older report (a retry overtaken by a newer change) does not.
    private const string Update =
        "UPDATE support_cases SET subject = @subject, status = @status, priority = @priority, category = @category, assignee_email = @assignee, " +
        "updated_at = @updated, first_response_at = @firstResponse, resolved_at = @resolved, first_response_due = @firstResponseDue, resolution_due = @resolutionDue, " +
        "first_response_sla = @firstResponseSla, resolution_sla = @resolutionSla WHERE tenant_id = @tenant AND case_id = @case AND updated_at <= @updated";

    public async Task<long> OpenAsync(SupportCaseRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (await FiledNumberAsync(row, cancellationToken) is { } filed) return filed;
        if (!database.IsPostgreSql)
        {
            // SQLite has one writer at a time: a transaction waits for no lock another holds.
            return await database.TransactAsync(async t =>
            {
                if ((await t.QueryAsync(NumberOf, a => Key(a, row), r => PortalDatabase.ReadLong(r, 0))).FirstOrDefault() is > 0 and var done) return done;
                var number = (await t.QueryAsync(NextNumber, a => a.Add("@tenant", row.TenantId), r => PortalDatabase.ReadLong(r, 0)))[0];
                await t.ExecuteAsync(Insert, a => Bind(a.Add("@number", number), row));
                return number;
            }, cancellationToken);
        }

        try
        {
            return (await database.ChangeAndReadAsync(FileWithNumber, a => Bind(a, row), r => r.GetInt64(0), cancellationToken)).Single();
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            // Filed at the same moment by another call: its number stands (this statement's went back with it).
            if (await FiledNumberAsync(row, cancellationToken) is { } theirs) return theirs;
            throw;
        }
    }

    public Task UpdateAsync(SupportCaseRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        return database.ExecuteAsync(Update, a => Bind(a, row), cancellationToken);
    }

    public Task RemoveAsync(string tenantId, string caseId, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("DELETE FROM support_cases WHERE tenant_id = @tenant AND case_id = @case",
            a => a.Add("@tenant", tenantId).Add("@case", caseId), cancellationToken);

    public async Task<string?> FindByNumberAsync(string tenantId, long number, CancellationToken cancellationToken = default) =>
        (await database.QueryAsync("SELECT case_id FROM support_cases WHERE tenant_id = @tenant AND number = @number",
            a => a.Add("@tenant", tenantId).Add("@number", number), r => r.GetString(0), cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<SupportCaseRow>> QueueAsync(string tenantId, SupportCaseQuery query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var sql = new StringBuilder($"SELECT {Columns} FROM support_cases WHERE tenant_id = @tenant");
        var statuses = query.Statuses ?? [];
        for (var i = 0; i < statuses.Count; i++) sql.Append(i == 0 ? " AND status IN (" : ", ").Append("@status").Append(i).Append(i == statuses.Count - 1 ? ")" : "");
        if (query.Priority is not null) sql.Append(" AND priority = @priority");
        if (query.Category is not null) sql.Append(" AND category = @category");
        if (query.Unassigned) sql.Append(" AND assignee_email IS NULL");
        else if (query.AssigneeEmail is not null) sql.Append(" AND lower(assignee_email) = lower(@assignee)");
        if (query.CustomerId is not null) sql.Append(" AND customer_id = @customer");
        sql.Append(" ORDER BY updated_at DESC, case_id LIMIT @limit");
        return await database.QueryAsync(sql.ToString(), a =>
        {
            a.Add("@tenant", tenantId).Add("@limit", limit);
            for (var i = 0; i < statuses.Count; i++) a.Add($"@status{i}", statuses[i].ToString());
            if (query.Priority is { } priority) a.Add("@priority", priority.ToString());
            if (query.Category is { } category) a.Add("@category", category.ToString());
            if (!query.Unassigned && query.AssigneeEmail is { } assignee) a.Add("@assignee", assignee);
            if (query.CustomerId is { } customer) a.Add("@customer", customer);
        }, r => Read(tenantId, r), cancellationToken);
    }

    public async Task<SlaCompliance> ComplianceAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        (await database.QueryAsync(
            "SELECT COUNT(*), " +
            "COALESCE(SUM(CASE WHEN first_response_sla = 'Met' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN first_response_sla = 'Breached' THEN 1 ELSE 0 END), 0), " +
            "COALESCE(SUM(CASE WHEN resolution_sla = 'Met' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN resolution_sla = 'Breached' THEN 1 ELSE 0 END), 0) " +
            "FROM support_cases WHERE tenant_id = @tenant AND opened_at >= @from AND opened_at < @to",
            a => a.Add("@tenant", tenantId).AddTime("@from", from).AddTime("@to", to),
            r => new SlaCompliance((int)PortalDatabase.ReadLong(r, 0), (int)PortalDatabase.ReadLong(r, 1), (int)PortalDatabase.ReadLong(r, 2),
                (int)PortalDatabase.ReadLong(r, 3), (int)PortalDatabase.ReadLong(r, 4)), cancellationToken)).Single();

    private async Task<long?> FiledNumberAsync(SupportCaseRow row, CancellationToken cancellationToken) =>
        (await database.QueryAsync(NumberOf, a => Key(a, row), r => (long?)PortalDatabase.ReadLong(r, 0), cancellationToken)).FirstOrDefault();

    private static void Key(SqlArguments a, SupportCaseRow row) => a.Add("@tenant", row.TenantId).Add("@case", row.CaseId);

    private static void Bind(SqlArguments a, SupportCaseRow row)
    {
        Key(a, row);
        a.Add("@customer", row.CustomerId).Add("@contact", row.OpenedByContactId).Add("@property", row.PropertyId).Add("@subject", row.Subject)
            .Add("@status", row.Status.ToString()).Add("@priority", row.Priority.ToString()).Add("@category", row.Category.ToString())
            .Add("@channel", row.Channel.ToString()).Add("@assignee", row.AssigneeEmail).AddTime("@opened", row.OpenedAt).AddTime("@updated", row.UpdatedAt);
        OptionalTime(a, "@firstResponse", row.FirstResponseAt);
        OptionalTime(a, "@resolved", row.ResolvedAt);
        OptionalTime(a, "@firstResponseDue", row.FirstResponseDue);
        OptionalTime(a, "@resolutionDue", row.ResolutionDue);
        a.Add("@firstResponseSla", row.FirstResponseSla.ToString()).Add("@resolutionSla", row.ResolutionSla.ToString());
    }

    private static void OptionalTime(SqlArguments a, string name, DateTimeOffset? time)
    {
        if (time is { } t) a.AddTime(name, t);
        else a.Add(name, null);
    }

    private SupportCaseRow Read(string tenantId, DbDataReader r) => new(
        tenantId, r.GetString(0), PortalDatabase.ReadLong(r, 1), r.GetString(2), NullableString(r, 3), NullableString(r, 4), r.GetString(5),
        Enum.Parse<CaseStatus>(r.GetString(6)), Enum.Parse<CasePriority>(r.GetString(7)), Enum.Parse<CaseCategory>(r.GetString(8)),
        Enum.Parse<CaseChannel>(r.GetString(9)), NullableString(r, 10), database.ReadTime(r, 11), database.ReadTime(r, 12),
        OptionalTime(r, 13), OptionalTime(r, 14), OptionalTime(r, 15), OptionalTime(r, 16),
        Enum.Parse<SlaState>(r.GetString(17)), Enum.Parse<SlaState>(r.GetString(18)));

    private DateTimeOffset? OptionalTime(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : database.ReadTime(r, ordinal);

    private static string? NullableString(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    public async Task<IReadOnlyDictionary<string, int>> LoadAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var rows = await database.QueryAsync(
            "SELECT lower(assignee_email), count(*) FROM support_cases WHERE tenant_id = @tenant AND assignee_email IS NOT NULL " +
            "AND status IN ('New', 'Open', 'WaitingOnCustomer') GROUP BY lower(assignee_email)",
            a => a.Add("@tenant", tenantId), r => (Email: r.GetString(0), Count: (int)PortalDatabase.ReadLong(r, 1)), cancellationToken);
        return rows.ToDictionary(r => r.Email, r => r.Count, StringComparer.Ordinal);
    }
}
