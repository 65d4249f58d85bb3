using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Support.Cases;

/// <summary>One of the team's saved answers, inserted into a reply and edited there before it goes.</summary>
[GenerateSerializer, Immutable, Alias("op.CannedReply")]
public sealed record CannedReply(string Id, string Title, string Text);

/// <summary>
/// The company's saved answers (one grain per company, key = tenant id): a short list the team keeps by hand, so it lives
/// in the grain's state. Titles are unique per company, ignoring case.
/// </summary>
[Alias("op.ICannedRepliesGrain")]
public interface ICannedRepliesGrain : IGrainWithStringKey
{
    [Alias("GetAll")]
    Task<IReadOnlyList<CannedReply>> GetAllAsync();

    /// <summary>Adds one; <see cref="ArgumentException"/> past the rules, <see cref="ConflictException"/> for a title in use or a full list.</summary>
    [Alias("Add")]
    Task<CannedReply> AddAsync(string title, string text);

    /// <summary>Removes one; removing one that is not there changes nothing.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string id);
}

[GenerateSerializer, Alias("op.CannedRepliesState")]
public sealed class CannedRepliesState
{
    [Id(0)] public List<CannedReply> Replies { get; set; } = [];
}

public sealed class CannedRepliesGrain([PersistentState("canned-replies")] IPersistentState<CannedRepliesState> state) : Grain, ICannedRepliesGrain
{
    public const int MaxReplies = 100;
    public const int MaxTitleLength = 100;

    public Task<IReadOnlyList<CannedReply>> GetAllAsync() => Task.FromResult<IReadOnlyList<CannedReply>>([.. state.State.Replies.OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase)]);

    public async Task<CannedReply> AddAsync(string title, string text)
    {
        var name = title?.Trim() ?? "";
        if (name.Length is 0 or > MaxTitleLength) throw new ArgumentException($"A saved reply's title is 1 to {MaxTitleLength} characters.", nameof(title));
        if (CaseRules.TextProblem(text) is { } problem) throw new ArgumentException(problem, nameof(text));
        if (state.State.Replies.Any(r => r.Title.Equals(name, StringComparison.OrdinalIgnoreCase))) throw new ConflictException($"A saved reply is called \"{name}\" already.");
        if (state.State.Replies.Count >= MaxReplies) throw new ConflictException($"A company keeps at most {MaxReplies} saved replies.");
        var reply = new CannedReply(TenantKeys.NewId(), name, text.Trim());
        state.State.Replies.Add(reply);
        await state.WriteStateAsync();
        return reply;
    }

    public async Task RemoveAsync(string id)
    {
        if (state.State.Replies.RemoveAll(r => r.Id == id) > 0) await state.WriteStateAsync();
    }
}
