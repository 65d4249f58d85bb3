namespace OrleansPortal.Grains.Support.Feedback;

/// <summary>
/// The company's feedback as figures: CSAT (average of 1-5 and the share of 4 and 5), NPS (promoters 9-10 minus
/// detractors 0-6, in points from -100 to 100), each per technician and per week. Computed here from the answered rows
/// rather than in SQL so both databases give the same numbers from one piece of code.
/// </summary>
public static class FeedbackFigures
{
    public static FeedbackSummary Of(IReadOnlyList<FeedbackRow> answered, IReadOnlyDictionary<SurveyKind, long> sent, DateOnly firstDay, DateOnly lastDay, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(answered);
        ArgumentNullException.ThrowIfNull(sent);
        var csat = answered.Where(r => r.Kind == SurveyKind.Csat && r.Score is not null).ToList();
        var nps = answered.Where(r => r.Kind == SurveyKind.Nps && r.Score is not null).ToList();

        var technicians = csat.Where(r => r.TechnicianId is not null).GroupBy(r => r.TechnicianId!)
            .Select(g => new TechnicianCsat(g.Key, g.OrderByDescending(r => r.AnsweredAt).Select(r => r.TechnicianName).FirstOrDefault(n => n is not null), Average(g), g.Count()))
            .OrderByDescending(t => t.Responses).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList();

        DateOnly WeekOf(FeedbackRow r) => Monday(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.AnsweredAt!.Value, zone).DateTime));
        var csatByWeek = csat.ToLookup(WeekOf);
        var npsByWeek = nps.ToLookup(WeekOf);
        var weeks = new List<FeedbackWeek>();
        for (var week = Monday(firstDay); week <= lastDay; week = week.AddDays(7))
        {
            var c = csatByWeek[week].ToList();
            var n = npsByWeek[week].ToList();
            weeks.Add(new FeedbackWeek(week, c.Count == 0 ? null : Average(c), c.Count, Nps(n).Score, n.Count));
        }

        return new FeedbackSummary(
            new CsatFigures(csat.Count == 0 ? null : Average(csat), csat.Count, csat.Count == 0 ? null : (double)csat.Count(r => r.Score >= 4) / csat.Count, sent.GetValueOrDefault(SurveyKind.Csat)),
            Nps(nps) with { Sent = sent.GetValueOrDefault(SurveyKind.Nps) },
            technicians, weeks);
    }

    public static NpsFigures Nps(IReadOnlyCollection<FeedbackRow> answers)
    {
        var promoters = answers.Count(r => r.Score >= 9);
        var detractors = answers.Count(r => r.Score <= 6);
        var score = answers.Count == 0 ? (int?)null : (int)Math.Round(100.0 * (promoters - detractors) / answers.Count, MidpointRounding.AwayFromZero);
        return new NpsFigures(score, promoters, answers.Count - promoters - detractors, detractors, answers.Count, 0);
    }

    private static double Average(IEnumerable<FeedbackRow> rows) => Math.Round(rows.Average(r => r.Score!.Value), 2);

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

/// <param name="Sent">Surveys sent in the period (answered or not), for the response rate.</param>
public sealed record CsatFigures(double? Average, int Responses, double? SatisfiedShare, long Sent);

/// <param name="Score">Promoters' share minus detractors', in points (-100 to 100); null without answers.</param>
public sealed record NpsFigures(int? Score, int Promoters, int Passives, int Detractors, int Responses, long Sent);

public sealed record TechnicianCsat(string TechnicianId, string? Name, double Average, int Responses);

/// <param name="WeekStart">The Monday the week starts on, in the company's time zone.</param>
public sealed record FeedbackWeek(DateOnly WeekStart, double? CsatAverage, int CsatResponses, int? NpsScore, int NpsResponses);

public sealed record FeedbackSummary(CsatFigures Csat, NpsFigures Nps, IReadOnlyList<TechnicianCsat> Technicians, IReadOnlyList<FeedbackWeek> Weeks);
