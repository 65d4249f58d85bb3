using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Serialization;

// How ticket state was shaped before NewTicket gained PreferredTechnicianId (the dispatch issue added it): the same
// members with the same ids, one fewer. State written then must still load.

[GenerateSerializer, Alias("op.test.PreviousTicketState")]
public sealed class PreviousTicketState
{
    [Id(0)] public PreviousNewTicket? Details { get; set; }

    [Id(1)] public TimeWindow? ArrivalWindow { get; set; }

    [Id(2)] public TicketStatus Status { get; set; }

    [Id(3)] public TicketStatus? HeldFrom { get; set; }

    [Id(4)] public string? HoldReason { get; set; }

    [Id(5)] public string? TechnicianId { get; set; }

    [Id(6)] public bool Pinned { get; set; }

    [Id(7)] public List<AuditEntry> Audit { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("op.test.PreviousNewTicket")]
public sealed record PreviousNewTicket(
    string CustomerId,
    string PropertyId,
    GeoPoint Location,
    string Address,
    string Description,
    IReadOnlyList<string> RequiredSkills,
    TimeSpan EstimatedDuration,
    TimeWindow? ArrivalWindow,
    TicketPriority Priority);

// How technician state was shaped before the profile gained a phone and a home base address, and a device summary a
// token hint and when it was last used (issue 12): the members it had, with the same ids.

[GenerateSerializer, Alias("op.test.PreviousTechnicianState")]
public sealed class PreviousTechnicianState
{
    [Id(0)] public PreviousTechnicianProfile? Profile { get; set; }

    [Id(4)] public List<PreviousDeviceSummary> Devices { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("op.test.PreviousTechnicianProfile")]
public sealed record PreviousTechnicianProfile(string Name, IReadOnlyList<string> Skills, GeoPoint? HomeBase, string? PhotoUrl);

[GenerateSerializer, Immutable, Alias("op.test.PreviousDeviceSummary")]
public sealed record PreviousDeviceSummary(string DeviceId, string Label, DateTimeOffset IssuedAt, bool Revoked, string TokenHash);

/// <summary>InvoiceState before invoices had a ledger: a stored status, and lines priced in decimal major units.</summary>
[GenerateSerializer, Alias("op.test.PreviousInvoiceState")]
public sealed class PreviousInvoiceState
{
    [Id(0)] public PreviousNewInvoice? Details { get; set; }

    [Id(1)] public DateTimeOffset IssuedAt { get; set; }

    [Id(2)] public InvoiceStatus Status { get; set; }
}

[GenerateSerializer, Immutable, Alias("op.test.PreviousNewInvoice")]
public sealed record PreviousNewInvoice(
    string CustomerId, string? PropertyId, string? TicketId, string Title, IReadOnlyList<LineItem> Lines, string Currency, DateOnly DueDate, string IssuedBy);

/// <summary>
/// LineItem before minor units. Lists of lines store their element type, so a stored list holds LineItems whatever
/// their shape; this one is read as a LineItem directly.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.test.PreviousLineItem")]
public sealed record PreviousLineItem(string Description, decimal Quantity, decimal UnitPrice);

/// <summary>CompanyState before companies had a currency (issue 15): the members it had, with the same ids.</summary>
[GenerateSerializer, Alias("op.test.PreviousCompanyState")]
public sealed class PreviousCompanyState
{
    [Id(0)] public string? Name { get; set; }

    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public List<string> DispatcherEmails { get; set; } = [];

    [Id(4)] public string? Phone { get; set; }

    [Id(5)] public List<int>? PaymentRetryDays { get; set; }
}
