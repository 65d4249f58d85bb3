using Orleans;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Support.Sla;

namespace OrleansPortal.Grains.Support.Cases;

/// <summary>A case's persisted state. <see cref="Number"/> is 0 until the case is opened.</summary>
[GenerateSerializer, Alias("op.CaseState")]
public sealed class CaseState
{
    [Id(0)] public long Number { get; set; }
    [Id(1)] public string CustomerId { get; set; } = "";
    [Id(2)] public MessageAuthor? OpenedBy { get; set; }
    [Id(3)] public CaseChannel Channel { get; set; }
    [Id(4)] public CaseCategory Category { get; set; }
    [Id(5)] public CasePriority Priority { get; set; }
    [Id(6)] public CaseStatus Status { get; set; }
    [Id(7)] public string Subject { get; set; } = "";
    [Id(8)] public string? PropertyId { get; set; }
    [Id(9)] public string? TicketId { get; set; }
    [Id(10)] public string? AssigneeEmail { get; set; }
    [Id(11)] public List<CaseEntry> Entries { get; set; } = [];
    [Id(12)] public DateTimeOffset OpenedAt { get; set; }
    [Id(13)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(14)] public DateTimeOffset? FirstResponseAt { get; set; }
    [Id(15)] public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Opened, but the acknowledgement has not reached the outbox yet.</summary>
    [Id(16)] public bool AcknowledgementDue { get; set; }

    /// <summary>The team's answers (entry ids) not yet handed to the outbox to be told to the customer.</summary>
    [Id(17)] public List<string> RepliesToTell { get; set; } = [];

    /// <summary>The first-response and resolution clocks (cases stored before SLAs have none running).</summary>
    [Id(18)] public CaseSla Sla { get; set; } = new();
}
