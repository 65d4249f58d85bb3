using Orleans;

namespace OrleansPortal.Grains.Conversations;

[GenerateSerializer, Alias("op.ConversationState")]
public sealed class ConversationState
{
    [Id(0)]
    public int Version { get; set; } = 1;

    /// <summary>Whose thread this is: set on the first message (a job thread asks its ticket).</summary>
    [Id(1)]
    public string? CustomerId { get; set; }

    /// <summary>Oldest first; positions never change, so read markers can be counts.</summary>
    [Id(2)]
    public List<ConversationMessage> Messages { get; set; } = [];

    /// <summary>Per contact: how many of <see cref="Messages"/> (from the start) they have read.</summary>
    [Id(3)]
    public Dictionary<string, int> ContactReadCounts { get; set; } = [];

    /// <summary>The same for the company's team, which shares one marker.</summary>
    [Id(4)]
    public int TeamReadCount { get; set; }
}
