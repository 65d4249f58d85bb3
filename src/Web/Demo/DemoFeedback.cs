using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Support.Feedback;

namespace OrleansPortal.Web.Demo;

/// <summary>
/// Feedback for the demo company, answered through the survey grains as customers would (so the figures, the technicians'
/// ratings and the moderation queue are the real ones): visit surveys for the first technicians, a few NPS answers, and
/// the demo household's review waiting for approval. The answers are dated when the demo first starts (the grains take
/// the clock's time), so the week chart has one bar. Fixed ids: a restarted demo finds them and answers nothing twice.
/// </summary>
public sealed class DemoFeedback(IClusterClient grains, ITechnicianRoster roster, DomainClock clock)
{
    private static readonly (int Technician, int Score, string? Comment)[] Visits =
    [
        (0, 5, "Very tidy, explained everything."), (0, 5, null), (0, 4, "Arrived at the end of the window."), (1, 5, "Fixed the AC in twenty minutes."),
        (1, 4, null), (1, 3, "Had to come back for a part."), (2, 5, null), (2, 5, "Backflow test done and certificate emailed the same day."),
        (3, 4, null), (3, 5, "Friendly and quick."), (4, 3, "The gutter still drips a little."), (4, 4, null),
    ];

    private static readonly int[] NpsScores = [10, 9, 9, 8, 10, 7, 9];

    public async Task EnsureAsync()
    {
        var technicians = (await roster.ListAsync(DemoCompany.TenantId, after: null, TechnicianRoster.MaxPageSize)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        if (technicians.Count == 0) return;
        var now = clock.GetUtcNow();
        for (var i = 0; i < Visits.Length; i++)
        {
            var (index, score, comment) = Visits[i];
            var technician = technicians[index % technicians.Count];
            var invitation = new SurveyInvitation(SurveyKind.Csat, $"demo-customer-{i}", DemoIds.For($"demo:feedback:visit:{i}"), technician.TechnicianId, technician.Name,
                "Demo visit", now, now + SurveyRules.Lifetime);
            await AnswerOnceAsync($"demo:feedback:csat:{i}", invitation, new SurveyAnswer(score, comment, null));
        }

        for (var i = 0; i < NpsScores.Length; i++)
            await AnswerOnceAsync($"demo:feedback:nps:{i}", new SurveyInvitation(SurveyKind.Nps, $"demo-customer-{i}", null, null, null, null, now, now + SurveyRules.Lifetime),
                new SurveyAnswer(NpsScores[i], null, null));

        // The household's review of its last visit, for the team to approve on /office/support/feedback/.
        var first = technicians.FirstOrDefault(t => t.Name.StartsWith("Ana ", StringComparison.Ordinal)) ?? technicians[0];
        await AnswerOnceAsync("demo:feedback:household", new SurveyInvitation(SurveyKind.Csat, DemoCustomer.CustomerId, DemoIds.For("demo:feedback:household:visit"),
                first.TechnicianId, first.Name, "Controller reprogrammed", now, now + SurveyRules.Lifetime),
            new SurveyAnswer(5, "A Ana reprogramou o programador e explicou tudo com paciência. Recomendo!", new OfferedReview("Maria S.", [])));
    }

    private async Task AnswerOnceAsync(string seed, SurveyInvitation invitation, SurveyAnswer answer)
    {
        var survey = grains.GetGrain<ISurveyGrain>(TenantKeys.For(DemoCompany.TenantId, DemoIds.For(seed)));
        var issued = await survey.IssueAsync(invitation);
        if (issued.Answer is null) await survey.AnswerAsync(answer);
    }
}
