namespace OrleansPortal.Grains.Conversations;

public sealed class ConversationState
{
    public int Version { get; set; } = 1;

    /// <summary>Whose thread this is: set on the first message (a job thread asks its ticket).</summary>
    public string? CustomerId { get; set; }

    /// <summary>Oldest first; positions never change, so read markers can be counts.</summary>
    public List<ConversationMessage> Messages { get; set; } = [];

    /// <summary>Per contact: how many of <see cref="Messages"/> (from the start) they have read.</summary>
    public Dictionary<string, int> ContactReadCounts { get; set; } = [];

    /// <summary>The same for the company's team, which shares one marker.</summary>
    public int TeamReadCount { get; set; }
}
