using Orleans;

namespace OrleansPortal.Grains.Support.Cases;

/// <summary>
/// Where a support case stands. Cases are not work orders (tickets): a case is a question or a problem a customer
/// raised, and may lead to a job, never the other way round. Stored by value: members are only ever added at the end.
/// </summary>
[GenerateSerializer, Alias("op.CaseStatus")]
public enum CaseStatus
{
    /// <summary>Opened; nobody of the team has acted on it yet.</summary>
    New,

    /// <summary>The team is on it, or the customer answered.</summary>
    Open,

    /// <summary>The team answered and waits for the customer.</summary>
    WaitingOnCustomer,

    /// <summary>The team considers it solved; a customer's reply opens it again.</summary>
    Resolved,

    /// <summary>Done for good: nothing more is added (a new message starts a new case).</summary>
    Closed,
}

[GenerateSerializer, Alias("op.CasePriority")]
public enum CasePriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <summary>What a case is about, as the customer chose it; the team may change it.</summary>
[GenerateSerializer, Alias("op.CaseCategory")]
public enum CaseCategory
{
    Question,
    Scheduling,
    Billing,
    Quality,
    Equipment,
    Other,
}

/// <summary>How the case reached the company.</summary>
[GenerateSerializer, Alias("op.CaseChannel")]
public enum CaseChannel
{
    Portal,
    Email,
    Chat,
    Team,

    /// <summary>Opened by a low score in a feedback survey (<see cref="Feedback.ISurveyGrain"/>).</summary>
    Feedback,

    /// <summary>The contact form of the widget on the company's own website.</summary>
    Widget,
}

[GenerateSerializer, Alias("op.CaseEntryKind")]
public enum CaseEntryKind
{
    /// <summary>A message between the customer and the team: both see it.</summary>
    Message,

    /// <summary>An internal note of the team: never shown to the customer.</summary>
    Note,

    /// <summary>A change of status, priority, category or assignee, in the case's history (the team sees these).</summary>
    Change,
}
