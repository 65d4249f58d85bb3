using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Notifications.Support;
using OrleansPortal.Grains.Persistence;
using OrleansPortal.Grains.Support.Routing;
using OrleansPortal.Grains.Support.Sla;

namespace OrleansPortal.Grains.Support.Cases;

public sealed partial class CaseGrain(
    [PersistentState("case")] IPersistentState<CaseState> state,
    ISupportCaseIndex index,
    CaseNotices notices,
    DomainClock clock,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain
{
    /// <summary>How soon telling the customer is tried again after the outbox could not take the messages.</summary>
    private static readonly TimeSpan RetryTellingAfter = TimeSpan.FromMinutes(1);

    private IGrainTimer? _retry;

    private (string TenantId, string CaseId) Key => TenantKeys.Split(this.GetPrimaryKeyString());

    private bool Opened => state.State.Number > 0;

    public async Task<CaseSnapshot> OpenAsync(NewCase request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Opened)
        {
            return state.State.CustomerId == request.CustomerId
                ? Snapshot(ConversationReader.Team)
                : throw new ConflictException("This case belongs to another customer.");
        }

        if (CaseRules.SubjectProblem(request.Subject) is { } subject) throw new ArgumentException(subject, nameof(request));
        if (CaseRules.TextProblem(request.Description) is { } text) throw new ArgumentException(text, nameof(request));
        if (request.Attachments.Count > MessageRules.MaxAttachments) throw new ArgumentException("Too many attachments.", nameof(request));

        var now = clock.GetUtcNow();
        var s = new CaseState
        {
            CustomerId = request.CustomerId,
            OpenedBy = request.Author,
            Channel = request.Channel,
            Category = request.Category,
            Priority = request.Priority,
            Status = CaseStatus.New,
            Subject = request.Subject.Trim(),
            PropertyId = request.PropertyId,
            TicketId = request.TicketId,
            AcknowledgementDue = true,
            OpenedAt = now,
            UpdatedAt = now,
            Entries = [new CaseEntry(TenantKeys.NewId(), CaseEntryKind.Message, request.Author, request.Description.Trim(), [.. request.Attachments], now, SourceId: request.SourceId)],
        };
        await StartSlaAsync(s, now);
        await AssignAutomaticallyAsync(s, now);

        // The number first, as one step with the queue's row; the state after. A state write that fails takes the row
        // out again, so the queue never lists a case nobody can open (its number is then skipped: cases need no
        // gapless numbering, invoices do).
        var (tenantId, caseId) = Key;
        s.Number = await index.OpenAsync(Row(tenantId, caseId, s, now));
        state.State = s;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = new CaseState();
            await index.RemoveAsync(tenantId, caseId);
            throw;
        }

        await AfterSlaStoredAsync();
        await TellCustomerAsync();
        return Snapshot(ConversationReader.Team);
    }

    /// <summary>Who assigns a case when the company's routing does (its history names this, not a person).</summary>
    public static readonly MessageAuthor AutomaticAssignment = new(AuthorKind.Team, "Automatic assignment", null, null);

    /// <summary>
    /// The agent the company's routing picks for the new case, if it routes (<see cref="ISupportRoutingGrain"/>). The case
    /// stays new: nobody has acted on it yet. A routing that cannot answer leaves the case unassigned rather than unopened.
    /// </summary>
    private async Task AssignAutomaticallyAsync(CaseState s, DateTimeOffset now)
    {
        string? agent;
        try
        {
            agent = await GrainFactory.GetGrain<ISupportRoutingGrain>(Key.TenantId).ChooseAsync(s.Category);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRoutingFailed(exception, Key.CaseId);
            return;
        }

        if (agent is null) return;
        s.AssigneeEmail = agent;
        s.Entries.Add(Change(AutomaticAssignment, now, "assignee", null, agent));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId} could not be routed; it opens unassigned")]
    private partial void LogRoutingFailed(Exception exception, string caseId);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Stored, but what the customer is to be told never reached the outbox (the silo died, the outbox was down): try again.
        if (state.State.AcknowledgementDue || state.State.RepliesToTell.Count > 0) ScheduleRetry(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Queues what the customer is to be told: the acknowledgement with the case's number, and the team's answers. An
    /// outbox that cannot take them does not fail the change (it is stored and filed); a timer tries again, and the next
    /// activation would too. The marks are cleared only once the outbox took the messages.
    /// </summary>
    private async Task TellCustomerAsync()
    {
        var s = state.State;
        if (!s.AcknowledgementDue && s.RepliesToTell.Count == 0) return;
        var snapshot = Snapshot(ConversationReader.Team);
        var replies = s.RepliesToTell.ToList();
        try
        {
            if (s.AcknowledgementDue) await notices.AcknowledgeAsync(snapshot);
            foreach (var reply in snapshot.Entries.Where(e => replies.Contains(e.Id))) await notices.ReplyAsync(snapshot, reply);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogTellingFailed(exception, Key.CaseId);
            ScheduleRetry(RetryTellingAfter);
            return;
        }

        s.AcknowledgementDue = false;
        s.RepliesToTell.RemoveAll(replies.Contains);
        await state.WriteStateAsync();
    }

    private void ScheduleRetry(TimeSpan due)
    {
        _retry?.Dispose();
        _retry = this.RegisterGrainTimer(async _ => await TellCustomerAsync(), due, Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId} is stored, but its customer could not be told yet; trying again")]
    private partial void LogTellingFailed(Exception exception, string caseId);

    public Task<CaseSnapshot> GetAsync(ConversationReader reader)
    {
        EnsureOpened();
        return Task.FromResult(Snapshot(reader));
    }

    public async Task<CaseSnapshot> ReplyAsync(CaseReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        EnsureOpened();
        if (CaseRules.TextProblem(reply.Text) is { } problem) throw new ArgumentException(problem, nameof(reply));
        if (reply.Attachments.Count > MessageRules.MaxAttachments) throw new ArgumentException("Too many attachments.", nameof(reply));
        var s = state.State;
        // The same email delivered again (its sender retried) is there already.
        if (reply.SourceId is { } source && s.Entries.Any(e => e.SourceId == source)) return Snapshot(reply.Author.Kind == AuthorKind.Team ? ConversationReader.Team : ConversationReader.Contact(reply.Author.ContactId ?? ""));
        if (s.Status == CaseStatus.Closed) throw new ConflictException($"Case {CaseNumbers.Display(s.Number)} is closed: a new message starts a new case.");

        var now = clock.GetUtcNow();
        var team = reply.Author.Kind == AuthorKind.Team;
        var next = team ? reply.ThenStatus ?? CaseStatus.WaitingOnCustomer : CaseStatus.Open;
        if (!team && reply.ThenStatus is not null) throw new ArgumentException("Only the team sets a case's status.", nameof(reply));
        if (team && !CaseRules.TeamMayMove(s.Status, next)) throw new ConflictException($"A case that is {s.Status} cannot become {next}.");
        // A customer's message to a new case leaves it new: nobody of the team has acted yet.
        if (!team && s.Status == CaseStatus.New) next = CaseStatus.New;

        var message = new CaseEntry(TenantKeys.NewId(), CaseEntryKind.Message, reply.Author, reply.Text.Trim(), [.. reply.Attachments], now, SourceId: reply.SourceId);
        s.Entries.Add(message);
        if (team)
        {
            s.FirstResponseAt ??= now;
            s.RepliesToTell.Add(message.Id);
        }

        Move(s, next, reply.Author, now);
        s.UpdatedAt = now;
        await FollowSlaAsync(s, now, priorityChanged: false);
        await StoreAsync();
        if (team) await TellCustomerAsync();
        return Snapshot(team ? ConversationReader.Team : ConversationReader.Contact(reply.Author.ContactId ?? ""));
    }

    public async Task<CaseSnapshot> AddNoteAsync(MessageAuthor author, string text)
    {
        ArgumentNullException.ThrowIfNull(author);
        EnsureOpened();
        if (author.Kind != AuthorKind.Team) throw new ArgumentException("Only the team writes internal notes.", nameof(author));
        if (CaseRules.TextProblem(text) is { } problem) throw new ArgumentException(problem, nameof(text));
        var now = clock.GetUtcNow();
        state.State.Entries.Add(new CaseEntry(TenantKeys.NewId(), CaseEntryKind.Note, author, text.Trim(), [], now));
        state.State.UpdatedAt = now;
        await StoreAsync();
        return Snapshot(ConversationReader.Team);
    }

    public async Task<CaseSnapshot> UpdateAsync(CaseUpdate update, MessageAuthor by)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(by);
        EnsureOpened();
        if (by.Kind != AuthorKind.Team) throw new ArgumentException("Only the team changes a case.", nameof(by));
        var s = state.State;
        if (update.Status is { } to && to != s.Status && !CaseRules.TeamMayMove(s.Status, to)) throw new ConflictException($"A case that is {s.Status} cannot become {to}.");
        if (s.Status == CaseStatus.Closed) throw new ConflictException($"Case {CaseNumbers.Display(s.Number)} is closed.");

        var now = clock.GetUtcNow();
        var changed = false;
        var priorityChanged = false;
        if (update.Status is { } status && status != s.Status)
        {
            Move(s, status, by, now);
            changed = true;
        }

        if (update.Priority is { } priority && priority != s.Priority)
        {
            s.Entries.Add(Change(by, now, "priority", s.Priority.ToString(), priority.ToString()));
            s.Priority = priority;
            changed = priorityChanged = true;
        }

        if (update.Category is { } category && category != s.Category)
        {
            s.Entries.Add(Change(by, now, "category", s.Category.ToString(), category.ToString()));
            s.Category = category;
            changed = true;
        }

        var assignee = update.Unassign ? null : update.AssigneeEmail ?? s.AssigneeEmail;
        if (!string.Equals(assignee, s.AssigneeEmail, StringComparison.OrdinalIgnoreCase))
        {
            s.Entries.Add(Change(by, now, "assignee", s.AssigneeEmail, assignee));
            s.AssigneeEmail = assignee;
            // Taking a new case in hand opens it.
            if (assignee is not null && s.Status == CaseStatus.New) Move(s, CaseStatus.Open, by, now);
            changed = true;
        }

        if (!changed) return Snapshot(ConversationReader.Team);
        s.UpdatedAt = now;
        await FollowSlaAsync(s, now, priorityChanged);
        await StoreAsync();
        return Snapshot(ConversationReader.Team);
    }

    public async Task<CaseSnapshot> MergeIntoAsync(string targetCaseId, MessageAuthor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureOpened();
        if (by.Kind != AuthorKind.Team) throw new ArgumentException("Only the team merges cases.", nameof(by));
        var (tenantId, caseId) = Key;
        if (targetCaseId == caseId) throw new ConflictException("A case cannot be merged into itself.");
        var s = state.State;
        if (s.Status == CaseStatus.Closed) throw new ConflictException($"Case {CaseNumbers.Display(s.Number)} is closed.");

        // The target takes the messages first (each once), then this case closes: a failure in between leaves a case
        // still open whose messages are in the target already, and merging again finishes it.
        var target = await GrainFactory.GetGrain<ICaseGrain>(TenantKeys.For(tenantId, targetCaseId)).AbsorbAsync(Snapshot(ConversationReader.Team), by);
        var now = clock.GetUtcNow();
        s.Entries.Add(Change(by, now, "merged", null, target.DisplayNumber));
        Move(s, CaseStatus.Closed, by, now);
        s.UpdatedAt = now;
        await FollowSlaAsync(s, now, priorityChanged: false);
        await StoreAsync();
        return Snapshot(ConversationReader.Team);
    }

    public async Task<CaseSnapshot> AbsorbAsync(CaseSnapshot from, MessageAuthor by)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(by);
        EnsureOpened();
        var s = state.State;
        if (from.CustomerId != s.CustomerId) throw new ConflictException("Only cases of the same customer are merged.");
        if (s.Status == CaseStatus.Closed) throw new ConflictException($"Case {CaseNumbers.Display(s.Number)} is closed.");
        var added = from.Entries.Where(e => e.Kind == CaseEntryKind.Message)
            .Select(e => e with { Id = TenantKeys.NewId(), SourceId = $"merged:{from.CaseId}:{e.Id}" })
            .Where(e => s.Entries.All(x => x.SourceId != e.SourceId))
            .ToList();
        if (added.Count == 0) return Snapshot(ConversationReader.Team);
        var now = clock.GetUtcNow();
        s.Entries.Add(Change(by, now, "merged", from.DisplayNumber, null));
        // In the order they were written, after what this case had: the history stays readable as it happened here.
        s.Entries.AddRange(added.OrderBy(e => e.At));
        s.UpdatedAt = now;
        await StoreAsync();
        return Snapshot(ConversationReader.Team);
    }

    private static void Move(CaseState s, CaseStatus to, MessageAuthor by, DateTimeOffset now)
    {
        if (to == s.Status) return;
        s.Entries.Add(Change(by, now, "status", s.Status.ToString(), to.ToString()));
        s.Status = to;
        s.ResolvedAt = to is CaseStatus.Resolved or CaseStatus.Closed ? s.ResolvedAt ?? now : null;
    }

    private static CaseEntry Change(MessageAuthor by, DateTimeOffset at, string field, string? from, string? to) =>
        new(TenantKeys.NewId(), CaseEntryKind.Change, by, "", [], at, field, from, to);

    private async Task StoreAsync()
    {
        await state.WriteStateAsync();
        var (tenantId, caseId) = Key;
        var row = Row(tenantId, caseId, state.State, clock.GetUtcNow());
        // Stored: the queue's row follows, retried until it takes (an older report never overwrites a newer one).
        await this.RunAfterStoredAsync(logger, "updating the case queue", () => index.UpdateAsync(row));
        await AfterSlaStoredAsync();
    }

    private void EnsureOpened()
    {
        if (!Opened) throw new NotFoundException($"No case {Key.CaseId}.");
    }

    private CaseSnapshot Snapshot(ConversationReader reader)
    {
        var s = state.State;
        var (tenantId, caseId) = Key;
        IReadOnlyList<CaseEntry> entries = reader.SeesInternal ? [.. s.Entries] : [.. s.Entries.Where(e => e.Kind == CaseEntryKind.Message)];
        var now = clock.GetUtcNow();
        return new CaseSnapshot(tenantId, caseId, s.Number, s.CustomerId, s.OpenedBy?.ContactId, s.Channel, s.Category, s.Priority, s.Status, s.Subject,
            s.PropertyId, s.TicketId, reader.SeesInternal ? s.AssigneeEmail : null, entries, s.OpenedAt, s.UpdatedAt, s.FirstResponseAt, s.ResolvedAt,
            reader.SeesInternal ? SlaTimer.Of(s.Sla.FirstResponse, now) : null, reader.SeesInternal ? SlaTimer.Of(s.Sla.Resolution, now) : null, ExpectedResponseBy(s));
    }

    private static SupportCaseRow Row(string tenantId, string caseId, CaseState s, DateTimeOffset now) =>
        new(tenantId, caseId, s.Number, s.CustomerId, s.OpenedBy?.ContactId, s.PropertyId, s.Subject, s.Status, s.Priority, s.Category, s.Channel,
            s.AssigneeEmail, s.OpenedAt, s.UpdatedAt, s.FirstResponseAt, s.ResolvedAt, s.Sla.FirstResponse.Due, s.Sla.Resolution.Due,
            s.Sla.FirstResponse.StateAt(now), s.Sla.Resolution.StateAt(now));
}
