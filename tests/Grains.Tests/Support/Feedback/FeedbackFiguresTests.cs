using OrleansPortal.Grains.Support.Feedback;

namespace OrleansPortal.Grains.Tests.Support.Feedback;

public sealed class FeedbackFiguresTests
{
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

    [Fact]
    public void Nps_IsPromotersMinusDetractors_InPoints()
    {
        // 3 promoters (9, 10, 10), 2 passives (7, 8), 3 detractors (0, 5, 6): (3 - 3) / 8 = 0; one more promoter: 1/9 = 11.
        int[] scores = [9, 10, 10, 7, 8, 0, 5, 6];
        var figures = FeedbackFigures.Nps(scores.Select(s => Row(SurveyKind.Nps, s, Day(1))).ToList());
        Assert.Equal((0, 3, 2, 3, 8), (figures.Score, figures.Promoters, figures.Passives, figures.Detractors, figures.Responses));
        Assert.Equal(11, FeedbackFigures.Nps([.. scores.Append(9).Select(s => Row(SurveyKind.Nps, s, Day(1)))]).Score);
        Assert.Null(FeedbackFigures.Nps([]).Score);
    }

    [Fact]
    public void Csat_IsAveraged_PerTechnician_AndPerWeek_InTheCompanysTimeZone()
    {
        // 2026-11-30 is a Monday; Sunday 6 December 23:30 UTC is still Sunday in Lisbon (UTC+0 in winter), so in the first week.
        var rows = new List<FeedbackRow>
        {
            Row(SurveyKind.Csat, 5, Day(1)) with { TechnicianId = "rui", TechnicianName = "Rui" },
            Row(SurveyKind.Csat, 3, Day(6).AddHours(23.5)) with { TechnicianId = "rui", TechnicianName = "Rui" },
            Row(SurveyKind.Csat, 4, Day(8)) with { TechnicianId = "eva", TechnicianName = "Eva" },
            Row(SurveyKind.Nps, 10, Day(8)),
        };
        var sent = new Dictionary<SurveyKind, long> { [SurveyKind.Csat] = 6, [SurveyKind.Nps] = 2 };

        var summary = FeedbackFigures.Of(rows, sent, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 9), Lisbon);

        Assert.Equal((4.0, 3, 2.0 / 3, 6L), (summary.Csat.Average, summary.Csat.Responses, summary.Csat.SatisfiedShare, summary.Csat.Sent));
        Assert.Equal((100, 1, 2L), (summary.Nps.Score, summary.Nps.Responses, summary.Nps.Sent));
        Assert.Equal(["rui 4 2", "eva 4 1"], summary.Technicians.Select(t => $"{t.TechnicianId} {t.Average} {t.Responses}"));
        Assert.Equal(["2026-11-30 4 2 - 0", "2026-12-07 4 1 100 1"],
            summary.Weeks.Select(w => $"{w.WeekStart:yyyy-MM-dd} {w.CsatAverage} {w.CsatResponses} {(w.NpsScore?.ToString() ?? "-")} {w.NpsResponses}"));
    }

    private static DateTimeOffset Day(double day) => new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero).AddDays(day);

    private static FeedbackRow Row(SurveyKind kind, int score, DateTimeOffset at) =>
        new("t", TenantKeys.NewId(), kind, "c", null, null, null, null, at.AddDays(-1), at, score, null, null, null, [], null, null, at);
}
