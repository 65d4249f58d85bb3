using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Conversations;

[GenerateSerializer, Alias("op.ConversationIndexState")]
public sealed class ConversationIndexState
{
    [Id(0)]
    public Dictionary<string, ThreadActivity> Threads { get; set; } = [];
}

public sealed class ConversationIndexGrain([PersistentState("conversation-index")] IPersistentState<ConversationIndexState> state) : Grain, IConversationIndexGrain
{
    public async Task UpdateAsync(ThreadActivity activity)
    {
        if (state.State.Threads.TryGetValue(activity.ThreadId, out var held) && (held == activity || held.LastMessageAt > activity.LastMessageAt)) return;
        state.State.Threads[activity.ThreadId] = activity;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ThreadActivity>> ListAsync(int limit) =>
        Task.FromResult<IReadOnlyList<ThreadActivity>>([.. state.State.Threads.Values.OrderByDescending(t => t.LastMessageAt).Take(limit)]);
}
