using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Support.Feedback;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Support.Feedback;

/// <summary>The feedback table's contract, run once per database by the sealed subclasses. Each test uses fresh tenants.</summary>
public abstract class FeedbackIndexTests(HistoryDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private PortalDatabase _tables = null!;
    private FeedbackIndex _index = null!;

    public async Task InitializeAsync()
    {
        _tables = await PortalTables.OpenAsync(database);
        _index = new FeedbackIndex(_tables);
    }

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    [Fact]
    public async Task ARow_TakesItsNewerReports_AndKeepsThemWhenAnOlderOneArrivesLate()
    {
        var tenant = NewTenant();
        var issued = Row(tenant, "s1", SurveyKind.Csat, "c1", T0);
        var answered = issued with { AnsweredAt = T0.AddHours(1), Score = 5, Comment = "Great", ReviewStatus = ReviewStatus.Pending, ReviewName = "Ana", ReviewPhotoIds = ["p1", "p2"], UpdatedAt = T0.AddHours(1) };

        await _index.RecordAsync(issued);
        await _index.RecordAsync(answered);
        await _index.RecordAsync(issued); // a retry of the first report, overtaken

        var row = Assert.Single(await _index.AnsweredAsync(tenant, null, T0, 10));
        Assert.Equal(answered with { ReviewPhotoIds = row.ReviewPhotoIds }, row);
        Assert.Equal(["p1", "p2"], row.ReviewPhotoIds);
        Assert.Empty(await _index.AnsweredAsync(NewTenant(), null, T0, 10));
    }

    [Fact]
    public async Task Answers_AreListedNewestFirst_ByKind_AndSentCountsEverySurvey()
    {
        var tenant = NewTenant();
        await _index.RecordAsync(Row(tenant, "a", SurveyKind.Csat, "c1", T0) with { AnsweredAt = T0.AddHours(1), Score = 4, UpdatedAt = T0.AddHours(1) });
        await _index.RecordAsync(Row(tenant, "b", SurveyKind.Nps, "c1", T0) with { AnsweredAt = T0.AddHours(2), Score = 9, UpdatedAt = T0.AddHours(2) });
        await _index.RecordAsync(Row(tenant, "c", SurveyKind.Csat, "c2", T0)); // not answered
        await _index.RecordAsync(Row(NewTenant(), "d", SurveyKind.Csat, "c2", T0) with { AnsweredAt = T0, Score = 1 });

        Assert.Equal(["b", "a"], (await _index.AnsweredAsync(tenant, null, T0, 10)).Select(r => r.SurveyId));
        Assert.Equal(["a"], (await _index.AnsweredAsync(tenant, SurveyKind.Csat, T0, 10)).Select(r => r.SurveyId));
        Assert.Empty(await _index.AnsweredAsync(tenant, null, T0.AddHours(3), 10));
        var sent = await _index.SentAsync(tenant, T0);
        Assert.Equal((2L, 1L), (sent[SurveyKind.Csat], sent[SurveyKind.Nps]));
    }

    [Fact]
    public async Task NpsIsDue_ForCustomersVisitedLately_NotAskedLately()
    {
        var tenant = NewTenant();
        await _index.RecordAsync(Row(tenant, "v1", SurveyKind.Csat, "recent", T0));
        await _index.RecordAsync(Row(tenant, "v2", SurveyKind.Csat, "recent", T0.AddDays(1))); // two visits, one survey due
        await _index.RecordAsync(Row(tenant, "v3", SurveyKind.Csat, "asked", T0));
        await _index.RecordAsync(Row(tenant, "n3", SurveyKind.Nps, "asked", T0.AddDays(-10)));
        await _index.RecordAsync(Row(tenant, "v4", SurveyKind.Csat, "askedLongAgo", T0));
        await _index.RecordAsync(Row(tenant, "n4", SurveyKind.Nps, "askedLongAgo", T0.AddDays(-100)));
        await _index.RecordAsync(Row(tenant, "v5", SurveyKind.Csat, "old", T0.AddDays(-100)));
        await _index.RecordAsync(Row(NewTenant(), "v6", SurveyKind.Csat, "elsewhere", T0));

        Assert.Equal(["askedLongAgo", "recent"], await _index.NpsDueAsync(tenant, T0.AddDays(-90), T0.AddDays(-90), 10));
        Assert.Equal(["askedLongAgo"], await _index.NpsDueAsync(tenant, T0.AddDays(-90), T0.AddDays(-90), 1));
    }

    [Fact]
    public async Task Reviews_AreListedByStatus()
    {
        var tenant = NewTenant();
        await _index.RecordAsync(Row(tenant, "r1", SurveyKind.Csat, "c1", T0) with { AnsweredAt = T0, Score = 5, Comment = "Good", ReviewStatus = ReviewStatus.Approved, ReviewName = "Ana" });
        await _index.RecordAsync(Row(tenant, "r2", SurveyKind.Csat, "c1", T0) with { AnsweredAt = T0.AddHours(1), Score = 4, Comment = "Fine", ReviewStatus = ReviewStatus.Pending, ReviewName = "Rui" });
        await _index.RecordAsync(Row(tenant, "r3", SurveyKind.Csat, "c1", T0) with { AnsweredAt = T0, Score = 5 });

        Assert.Equal(["r1"], (await _index.ReviewsAsync(tenant, ReviewStatus.Approved, 10)).Select(r => r.SurveyId));
        Assert.Equal(["r2"], (await _index.ReviewsAsync(tenant, ReviewStatus.Pending, 10)).Select(r => r.SurveyId));
        Assert.Empty(await _index.ReviewsAsync(tenant, ReviewStatus.Rejected, 10));
    }

    private static FeedbackRow Row(string tenant, string surveyId, SurveyKind kind, string customerId, DateTimeOffset issued) =>
        new(tenant, surveyId, kind, customerId, kind == SurveyKind.Csat ? "ticket" : null, null, null, null, issued, null, null, null, null, null, [], null, null, issued);

    private static string NewTenant() => "tenant-" + TenantKeys.NewId();
}

public sealed class PostgresFeedbackIndexTests(PostgresHistoryDatabase database)
    : FeedbackIndexTests(database), IClassFixture<PostgresHistoryDatabase>;

public sealed class SqliteFeedbackIndexTests(SqliteHistoryDatabase database)
    : FeedbackIndexTests(database), IClassFixture<SqliteHistoryDatabase>;
