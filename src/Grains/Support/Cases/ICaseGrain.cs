using Orleans;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Support.Sla;

namespace OrleansPortal.Grains.Support.Cases;

/// <summary>
/// One support case, keyed "{tenantId}:{caseId}". It keeps the case's messages, the team's notes and every change in
/// its own state, and reports itself to the company's queue (<see cref="ISupportCaseIndex"/>) after each change.
/// Throws <see cref="NotFoundException"/> for a case never opened, <see cref="ArgumentException"/> for what breaks
/// <see cref="CaseRules"/>, and <see cref="ConflictException"/> for a change its status does not allow.
/// </summary>
[Alias("op.ICaseGrain")]
public interface ICaseGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Opens the case: takes the company's next case number and files it as new. Opening it again with the same customer answers the case as it is.</summary>
    [Alias("Open")]
    Task<CaseSnapshot> OpenAsync(NewCase request);

    /// <summary>The case as <paramref name="reader"/> may see it: a customer's contact sees the messages only.</summary>
    [Alias("Get")]
    Task<CaseSnapshot> GetAsync(ConversationReader reader);

    /// <summary>
    /// Adds a message. A customer's reply opens a waiting or resolved case again (a closed case takes nothing); a team
    /// reply leaves it waiting on the customer unless it says otherwise, and is the case's first response if none was.
    /// </summary>
    [Alias("Reply")]
    Task<CaseSnapshot> ReplyAsync(CaseReply reply);

    /// <summary>Adds an internal note of the team's (never shown to the customer).</summary>
    [Alias("Note")]
    Task<CaseSnapshot> AddNoteAsync(MessageAuthor author, string text);

    /// <summary>Changes status, priority, category or assignee, each recorded in the history.</summary>
    [Alias("Update")]
    Task<CaseSnapshot> UpdateAsync(CaseUpdate update, MessageAuthor by);

    /// <summary>
    /// Merges this case, a duplicate, into the same customer's case <paramref name="targetCaseId"/>: its messages are
    /// added to the target (each once, however often this is called), and this case is closed, naming the target.
    /// <see cref="ConflictException"/> for a target of another customer, itself, or a closed case on either side.
    /// </summary>
    [Alias("MergeInto")]
    Task<CaseSnapshot> MergeIntoAsync(string targetCaseId, MessageAuthor by);

    /// <summary>Takes the messages of the merged case <paramref name="from"/> (called by that case's <see cref="MergeIntoAsync"/>).</summary>
    [Alias("Absorb")]
    Task<CaseSnapshot> AbsorbAsync(CaseSnapshot from, MessageAuthor by);

    /// <summary>
    /// Recomputes the due times of the clocks still running from the company's new SLA <paramref name="policy"/> (passed in,
    /// so the settings grain is never called back). What was used stays used; a breach stays.
    /// </summary>
    [Alias("RefreshSla")]
    Task<CaseSnapshot> RefreshSlaAsync(SlaPolicy policy);
}
