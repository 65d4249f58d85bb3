using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Grains.Support.Feedback;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Support.Feedback;

/// <summary>A survey's life in its grain: answered once within its life, a low score opening one case, and reviews moderated before they are public.</summary>
public sealed class SurveyGrainTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private readonly string _tenant = "tenant-" + TenantKeys.NewId();

    private IFeedbackIndex Index => cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IFeedbackIndex>();

    private ISupportCaseIndex Cases => cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<ISupportCaseIndex>();

    [Fact]
    public async Task AnAnswer_IsTakenOnce_AndReachesTheFigures()
    {
        var customerId = await CustomerAsync();
        var (survey, surveyId) = await IssueAsync(SurveyKind.Csat, customerId);

        await Assert.ThrowsAsync<ArgumentException>(() => survey.AnswerAsync(new SurveyAnswer(6, null, null)));
        var answered = await survey.AnswerAsync(new SurveyAnswer(5, "  Rui was great.  ", null));
        await Assert.ThrowsAsync<ConflictException>(() => survey.AnswerAsync(new SurveyAnswer(1, "changed my mind", null)));

        Assert.Equal((5, "Rui was great.", null, (string?)null), (answered.Answer!.Score, answered.Answer.Comment, answered.ReviewStatus, answered.CaseId));
        var row = Assert.Single(await Index.AnsweredAsync(_tenant, SurveyKind.Csat, DateTimeOffset.MinValue, 10));
        Assert.Equal((surveyId, 5, "Rui was great.", "tech-1", "Rui Costa"), (row.SurveyId, row.Score, row.Comment, row.TechnicianId, row.TechnicianName));
        Assert.Empty(await Cases.QueueAsync(_tenant, new SupportCaseQuery(), 10)); // a good score opens nothing
    }

    [Fact]
    public async Task ASurvey_ClosesAfterItsLifetime()
    {
        var (survey, _) = await IssueAsync(SurveyKind.Nps, await CustomerAsync());
        cluster.Time.Advance(SurveyRules.Lifetime + TimeSpan.FromMinutes(1));

        Assert.False((await survey.GetAsync()).IsOpenAt(cluster.Time.GetUtcNow()));
        await Assert.ThrowsAsync<ConflictException>(() => survey.AnswerAsync(new SurveyAnswer(9, null, null)));
    }

    [Fact]
    public async Task ALowScore_OpensOneHighPriorityCase_WrittenAsTheCustomersOwner()
    {
        var customerId = await CustomerAsync();
        var (survey, surveyId) = await IssueAsync(SurveyKind.Csat, customerId);

        var answered = await survey.AnswerAsync(new SurveyAnswer(2, "Mud all over the hall.", null));

        Assert.Equal(surveyId, answered.CaseId);
        var c = await cluster.Client.GetGrain<ICaseGrain>(TenantKeys.For(_tenant, surveyId)).GetAsync(ConversationReader.Team);
        Assert.Equal((customerId, CaseChannel.Feedback, CaseCategory.Quality, CasePriority.High, "ticket-1"), (c.CustomerId, c.Channel, c.Category, c.Priority, c.TicketId));
        Assert.Equal("Rated the visit 2/5: Boiler service", c.Subject);
        var opening = Assert.Single(c.Entries, e => e.Kind == CaseEntryKind.Message);
        Assert.Equal(("Ana Owner", "Technician: Rui Costa\n\nMud all over the hall."), (opening.Author.DisplayName, opening.Text));
        Assert.Single(await Cases.QueueAsync(_tenant, new SupportCaseQuery(), 10));
        Assert.Equal(surveyId, Assert.Single(await Index.AnsweredAsync(_tenant, null, DateTimeOffset.MinValue, 10)).CaseId);
    }

    [Fact]
    public async Task TheCompanysThreshold_DecidesWhatIsLow()
    {
        await cluster.Client.GetGrain<IFeedbackSettingsGrain>(_tenant).SetAsync(new FeedbackSettings(CsatCaseAtOrBelow: 0, NpsCaseAtOrBelow: 8, NpsEveryDays: 0));
        var customerId = await CustomerAsync();
        var (csat, _) = await IssueAsync(SurveyKind.Csat, customerId);
        var (nps, npsId) = await IssueAsync(SurveyKind.Nps, customerId);

        Assert.Null((await csat.AnswerAsync(new SurveyAnswer(1, null, null))).CaseId); // 0: never
        Assert.Equal(npsId, (await nps.AnswerAsync(new SurveyAnswer(8, null, null))).CaseId);
        var c = Assert.Single(await Cases.QueueAsync(_tenant, new SupportCaseQuery(), 10));
        Assert.Equal("Scored 8/10 in the recommendation survey", c.Subject);
        await Assert.ThrowsAsync<ArgumentException>(() => cluster.Client.GetGrain<IFeedbackSettingsGrain>(_tenant).SetAsync(new FeedbackSettings(6, 6, 90)));
    }

    [Fact]
    public async Task AReview_WaitsForTheTeam_WhoApprovesOrRejectsIt()
    {
        var (survey, surveyId) = await IssueAsync(SurveyKind.Csat, await CustomerAsync());
        var photo = TenantKeys.NewId();

        await Assert.ThrowsAsync<ArgumentException>(() => survey.AnswerAsync(new SurveyAnswer(5, null, new OfferedReview("Ana", [])))); // a review needs words
        await Assert.ThrowsAsync<ArgumentException>(() => survey.AnswerAsync(new SurveyAnswer(5, "Great", new OfferedReview("Ana", ["../../etc/passwd"]))));
        var offered = await survey.AnswerAsync(new SurveyAnswer(5, "Spotless work.", new OfferedReview(" Ana S. ", [photo])));
        Assert.Equal((ReviewStatus.Pending, "Ana S."), (offered.ReviewStatus, offered.Answer!.Review!.Name));
        Assert.Equal(surveyId, Assert.Single(await Index.ReviewsAsync(_tenant, ReviewStatus.Pending, 10)).SurveyId);
        Assert.Empty(await Index.ReviewsAsync(_tenant, ReviewStatus.Approved, 10));

        var approved = await survey.ModerateAsync(ReviewStatus.Approved, "ana@acme.test");

        Assert.Equal((ReviewStatus.Approved, "ana@acme.test"), (approved.ReviewStatus, approved.ModeratedBy));
        Assert.Empty(await Index.ReviewsAsync(_tenant, ReviewStatus.Pending, 10));
        var row = Assert.Single(await Index.ReviewsAsync(_tenant, ReviewStatus.Approved, 10));
        Assert.Equal("Ana S.", row.ReviewName);
        Assert.Equal([photo], row.ReviewPhotoIds);
        await survey.ModerateAsync(ReviewStatus.Rejected, "ana@acme.test");
        Assert.Empty(await Index.ReviewsAsync(_tenant, ReviewStatus.Approved, 10));
    }

    [Fact]
    public async Task AnAnswerWithoutAReview_CannotBeModerated_AndAnNpsAnswerCannotBeAReview()
    {
        var customerId = await CustomerAsync();
        var (csat, _) = await IssueAsync(SurveyKind.Csat, customerId);
        var (nps, _) = await IssueAsync(SurveyKind.Nps, customerId);
        await csat.AnswerAsync(new SurveyAnswer(4, "Fine", null));

        await Assert.ThrowsAsync<ConflictException>(() => csat.ModerateAsync(ReviewStatus.Approved, "ana@acme.test"));
        await Assert.ThrowsAsync<ArgumentException>(() => nps.AnswerAsync(new SurveyAnswer(10, "Love it", new OfferedReview("Ana", []))));
        await Assert.ThrowsAsync<NotFoundException>(() => cluster.Client.GetGrain<ISurveyGrain>(TenantKeys.For(_tenant, TenantKeys.NewId())).GetAsync());
    }

    [Fact]
    public async Task TheNpsRound_AsksRecentCustomersOnce_PerPeriod()
    {
        var settings = cluster.Client.GetGrain<IFeedbackSettingsGrain>(_tenant);
        await settings.SetAsync(new FeedbackSettings(2, 6, 30));
        var (visited, alsoVisited, longAgo) = (await CustomerAsync(), await CustomerAsync(), await CustomerAsync());
        await IssueAsync(SurveyKind.Csat, longAgo);
        cluster.Time.Advance(TimeSpan.FromDays(31));
        await IssueAsync(SurveyKind.Csat, visited);
        await IssueAsync(SurveyKind.Csat, alsoVisited);

        Assert.Equal(2, await settings.RunNpsRoundAsync());
        Assert.Equal(0, await settings.RunNpsRoundAsync()); // asked: not again this period
        var sent = await Index.SentAsync(_tenant, DateTimeOffset.MinValue);
        Assert.Equal((3L, 2L), (sent[SurveyKind.Csat], sent[SurveyKind.Nps]));

        cluster.Time.Advance(TimeSpan.FromDays(31)); // a period later, with no visit since: nobody is due
        Assert.Equal(0, await settings.RunNpsRoundAsync());
    }

    private async Task<string> CustomerAsync()
    {
        var id = TenantKeys.NewId();
        var customer = cluster.Client.GetGrain<ICustomerGrain>(TenantKeys.For(_tenant, id));
        await customer.CreateAsync(new NewCustomer("Owner household", CustomerKind.Residential));
        await customer.AddContactAsync(new NewContact("Ana Owner", $"ana-{TenantKeys.NewId()}@example.test", null, ContactRole.Owner, []));
        return id;
    }

    private async Task<(ISurveyGrain Survey, string SurveyId)> IssueAsync(SurveyKind kind, string customerId)
    {
        var id = TenantKeys.NewId();
        var survey = cluster.Client.GetGrain<ISurveyGrain>(TenantKeys.For(_tenant, id));
        var now = cluster.Time.GetUtcNow();
        await survey.IssueAsync(kind == SurveyKind.Csat
            ? new SurveyInvitation(kind, customerId, "ticket-1", "tech-1", "Rui Costa", "Boiler service", now, now + SurveyRules.Lifetime)
            : new SurveyInvitation(kind, customerId, null, null, null, null, now, now + SurveyRules.Lifetime));
        return (survey, id);
    }
}
