using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Support.Cases;

namespace OrleansPortal.Grains.Support.Feedback;

public sealed partial class SurveyGrain(
    [PersistentState("survey")] IPersistentState<SurveyState> state,
    IFeedbackIndex index,
    DomainClock clock,
    ILogger<SurveyGrain> logger) : Grain, ISurveyGrain
{
    private static readonly TimeSpan RetrySyncAfter = TimeSpan.FromSeconds(5);

    private IGrainTimer? _retry;

    private (string TenantId, string SurveyId) Key => TenantKeys.Split(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.SyncDue) ScheduleSync(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public async Task<SurveyView> IssueAsync(SurveyInvitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        if (state.State.Invitation is not null) return View();
        state.State.Invitation = invitation;
        return await StoreAsync();
    }

    public Task<SurveyView> GetAsync() => Task.FromResult(View());

    public async Task<SurveyView> AnswerAsync(SurveyAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var invitation = Invitation;
        if (SurveyRules.Problem(invitation.Kind, answer) is { } problem) throw new ArgumentException(problem, nameof(answer));
        if (state.State.Answer is not null) throw new ConflictException("This survey was already answered. Thank you!");
        var now = clock.GetUtcNow();
        if (now >= invitation.ExpiresAt) throw new ConflictException("This survey has closed.");

        var settings = await GrainFactory.GetGrain<IFeedbackSettingsGrain>(Key.TenantId).GetAsync();
        state.State.Answer = answer with { Comment = string.IsNullOrWhiteSpace(answer.Comment) ? null : answer.Comment.Trim(), Review = answer.Review is { } r ? r with { Name = r.Name.Trim() } : null };
        state.State.AnsweredAt = now;
        state.State.ReviewStatus = answer.Review is null ? null : ReviewStatus.Pending;
        if (SurveyRules.IsLow(invitation.Kind, answer.Score, settings))
        {
            state.State.CaseId = Key.SurveyId; // one survey, one case: the ids never meet, cases and surveys being different grains
            state.State.CaseDue = true;
        }

        return await StoreAsync();
    }

    public async Task<SurveyView> ModerateAsync(ReviewStatus decision, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        _ = Invitation;
        if (state.State.ReviewStatus is null) throw new ConflictException("This answer was not offered as a review.");
        if (decision == ReviewStatus.Pending) throw new ArgumentException("A review is approved or rejected.", nameof(decision));
        if (state.State.ReviewStatus == decision) return View();
        state.State.ReviewStatus = decision;
        state.State.ModeratedBy = by;
        state.State.ModeratedAt = clock.GetUtcNow();
        return await StoreAsync();
    }

    private SurveyInvitation Invitation => state.State.Invitation ?? throw new NotFoundException("There is no such survey.");

    private SurveyView View()
    {
        var s = state.State;
        var (tenantId, surveyId) = Key;
        return new SurveyView(tenantId, surveyId, Invitation, s.Answer, s.AnsweredAt, s.ReviewStatus, s.ModeratedBy, s.ModeratedAt, s.CaseDue ? null : s.CaseId);
    }

    /// <summary>The change is stored first (with the mark that the figures lag); the case and the index follow.</summary>
    private async Task<SurveyView> StoreAsync()
    {
        state.State.SyncDue = true;
        state.State.UpdatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        await SyncAsync();
        return View();
    }

    /// <summary>
    /// Opens the case a low score asked for, then reports the survey to the company's figures. A step that fails does
    /// not fail the answer (it is stored); a timer tries again, as the next activation would. Both steps are idempotent:
    /// the case has a fixed id, and the row is replaced by its newer version.
    /// </summary>
    private async Task SyncAsync()
    {
        if (!state.State.SyncDue) return;
        try
        {
            if (state.State.CaseDue)
            {
                await OpenCaseAsync();
                state.State.CaseDue = false;
                await state.WriteStateAsync();
            }

            await index.RecordAsync(FeedbackRow.Of(View(), state.State.UpdatedAt));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSyncFailed(exception, Key.SurveyId);
            ScheduleSync(RetrySyncAfter);
            return;
        }

        state.State.SyncDue = false;
        await state.WriteStateAsync();
    }

    /// <summary>
    /// A low score becomes a case of the customer, high priority, written as the customer's first owner contact (so the
    /// acknowledgement and the team's answers reach a person); a customer without contacts gets a case the team opened.
    /// </summary>
    private async Task OpenCaseAsync()
    {
        var (tenantId, _) = Key;
        var invitation = Invitation;
        var answer = state.State.Answer!;
        CustomerContact? contact = null;
        try
        {
            var customer = await GrainFactory.GetGrain<ICustomerGrain>(TenantKeys.For(tenantId, invitation.CustomerId)).GetAsync();
            contact = customer.Contacts.FirstOrDefault(c => c.Role == ContactRole.Owner) ?? customer.Contacts.FirstOrDefault();
        }
        catch (NotFoundException)
        {
            // A customer deleted since: the team still hears of the score.
        }

        var author = contact is null
            ? new MessageAuthor(AuthorKind.Team, "Feedback survey", null, null)
            : MessageAuthor.Customer(contact.ContactId, contact.Name);
        var (subject, text) = FeedbackCaseText.For(invitation, answer);
        await GrainFactory.GetGrain<ICaseGrain>(TenantKeys.For(tenantId, state.State.CaseId!)).OpenAsync(new NewCase(
            invitation.CustomerId, author, CaseChannel.Feedback, CaseCategory.Quality, CasePriority.High, subject, text, [], TicketId: invitation.TicketId));
    }

    private void ScheduleSync(TimeSpan due)
    {
        _retry?.Dispose();
        _retry = this.RegisterGrainTimer(async _ => await SyncAsync(), due, Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey {SurveyId} is answered, but its case or the company's figures could not be updated yet; trying again")]
    private partial void LogSyncFailed(Exception exception, string surveyId);
}
