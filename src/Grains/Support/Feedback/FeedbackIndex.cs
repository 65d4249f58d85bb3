using System.Data.Common;
using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Support.Feedback;

/// <summary><see cref="IFeedbackIndex"/> on table <c>feedback_responses</c> (PostgreSQL or SQLite).</summary>
public sealed class FeedbackIndex(PortalDatabase database) : IFeedbackIndex
{
    private const string Columns =
        "tenant_id, survey_id, kind, customer_id, ticket_id, technician_id, technician_name, about, issued_at, answered_at, score, comment, " +
        "review_status, review_name, review_photos, moderated_at, case_id, updated_at";

    // One statement both databases take: a newer report replaces the row, an older one (a retry overtaken) does not.
    private const string Upsert =
        "INSERT INTO feedback_responses (" + Columns + ") VALUES (@tenant, @survey, @kind, @customer, @ticket, @technician, @technicianName, @about, " +
        "@issued, @answered, @score, @comment, @reviewStatus, @reviewName, @reviewPhotos, @moderated, @case, @updated) " +
        "ON CONFLICT (tenant_id, survey_id) DO UPDATE SET answered_at = excluded.answered_at, score = excluded.score, comment = excluded.comment, " +
        "review_status = excluded.review_status, review_name = excluded.review_name, review_photos = excluded.review_photos, " +
        "moderated_at = excluded.moderated_at, case_id = excluded.case_id, updated_at = excluded.updated_at " +
        "WHERE feedback_responses.updated_at <= excluded.updated_at";

    public Task RecordAsync(FeedbackRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        return database.ExecuteAsync(Upsert, a =>
        {
            a.Add("@tenant", row.TenantId).Add("@survey", row.SurveyId).Add("@kind", row.Kind.ToString()).Add("@customer", row.CustomerId)
                .Add("@ticket", row.TicketId).Add("@technician", row.TechnicianId).Add("@technicianName", row.TechnicianName).Add("@about", row.About)
                .AddTime("@issued", row.IssuedAt).Add("@score", row.Score).Add("@comment", row.Comment)
                .Add("@reviewStatus", row.ReviewStatus?.ToString()).Add("@reviewName", row.ReviewName)
                .Add("@reviewPhotos", row.ReviewPhotoIds.Count == 0 ? null : string.Join(' ', row.ReviewPhotoIds))
                .Add("@case", row.CaseId).AddTime("@updated", row.UpdatedAt);
            OptionalTime(a, "@answered", row.AnsweredAt);
            OptionalTime(a, "@moderated", row.ModeratedAt);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackRow>> AnsweredAsync(string tenantId, SurveyKind? kind, DateTimeOffset since, int limit, CancellationToken cancellationToken = default) =>
        await database.QueryAsync(
            $"SELECT {Columns} FROM feedback_responses WHERE tenant_id = @tenant AND answered_at >= @since" +
            (kind is null ? "" : " AND kind = @kind") + " ORDER BY answered_at DESC LIMIT @limit",
            a => a.Add("@tenant", tenantId).AddTime("@since", since).Add("@kind", kind?.ToString()).Add("@limit", limit), Read, cancellationToken);

    public async Task<IReadOnlyDictionary<SurveyKind, long>> SentAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var rows = await database.QueryAsync("SELECT kind, count(*) FROM feedback_responses WHERE tenant_id = @tenant AND issued_at >= @since GROUP BY kind",
            a => a.Add("@tenant", tenantId).AddTime("@since", since), r => (Kind: Enum.Parse<SurveyKind>(r.GetString(0)), Count: PortalDatabase.ReadLong(r, 1)), cancellationToken);
        return rows.ToDictionary(r => r.Kind, r => r.Count);
    }

    public async Task<IReadOnlyList<FeedbackRow>> ReviewsAsync(string tenantId, ReviewStatus status, int limit, CancellationToken cancellationToken = default) =>
        await database.QueryAsync(
            $"SELECT {Columns} FROM feedback_responses WHERE tenant_id = @tenant AND review_status = @status ORDER BY answered_at DESC LIMIT @limit",
            a => a.Add("@tenant", tenantId).Add("@status", status.ToString()).Add("@limit", limit), Read, cancellationToken);

    public async Task<IReadOnlyList<string>> NpsDueAsync(string tenantId, DateTimeOffset visitedSince, DateTimeOffset askedSince, int limit, CancellationToken cancellationToken = default) =>
        await database.QueryAsync(
            "SELECT DISTINCT v.customer_id FROM feedback_responses v WHERE v.tenant_id = @tenant AND v.kind = 'Csat' AND v.issued_at >= @visited " +
            "AND NOT EXISTS (SELECT 1 FROM feedback_responses n WHERE n.tenant_id = v.tenant_id AND n.customer_id = v.customer_id AND n.kind = 'Nps' AND n.issued_at >= @asked) " +
            "ORDER BY v.customer_id LIMIT @limit",
            a => a.Add("@tenant", tenantId).AddTime("@visited", visitedSince).AddTime("@asked", askedSince).Add("@limit", limit), r => r.GetString(0), cancellationToken);

    private static void OptionalTime(SqlArguments a, string name, DateTimeOffset? time)
    {
        if (time is { } t) a.AddTime(name, t);
        else a.Add(name, null);
    }

    private FeedbackRow Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Enum.Parse<SurveyKind>(r.GetString(2)), r.GetString(3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7),
        database.ReadTime(r, 8), r.IsDBNull(9) ? null : database.ReadTime(r, 9), r.IsDBNull(10) ? null : (int)PortalDatabase.ReadLong(r, 10), Text(r, 11),
        Text(r, 12) is { } status ? Enum.Parse<ReviewStatus>(status) : null, Text(r, 13),
        Text(r, 14)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [], r.IsDBNull(15) ? null : database.ReadTime(r, 15), Text(r, 16), database.ReadTime(r, 17));

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
