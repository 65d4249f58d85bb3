using Orleans;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch.Recurring;

/// <summary>
/// A series of recurring work orders (weekly maintenance, say), keyed "{tenantId}:{seriesId}". It creates one Scheduled
/// ticket per occurrence once the occurrence comes within the generation horizon, with an id derived from the series and
/// the date (<see cref="OccurrenceTicketId"/>), so no occurrence ever gets two tickets.
/// </summary>
public interface IRecurringJobGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>
    /// Creates the series, generates the occurrences already inside the horizon and schedules the rest; throws
    /// <see cref="ConflictException"/> if it exists and <see cref="ArgumentException"/> for an invalid rule.
    /// </summary>
    Task<RecurringJobSnapshot> CreateAsync(RecurringJob job, string actor);

    /// <summary>Throws <see cref="NotFoundException"/> for a series never created.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<RecurringJobSnapshot> GetAsync();

    /// <summary>Creates the tickets of every occurrence inside the horizon that has none yet; repeating it creates nothing new.</summary>
    Task<RecurringJobSnapshot> GenerateAsync();

    /// <summary>
    /// Stops the series for good: nothing more is generated, and its future tickets still only Scheduled are cancelled
    /// (those a dispatcher already assigned, or that are under way, stay). Repeating it is harmless.
    /// </summary>
    Task<RecurringJobSnapshot> StopAsync(string actor);
}

/// <summary>What every ticket of the series has in common: a <see cref="NewTicket"/> without its arrival window.</summary>
public sealed record RecurringTicketTemplate(
    string CustomerId,
    string PropertyId,
    GeoPoint Location,
    string Address,
    string Description,
    IReadOnlyList<string> RequiredSkills,
    TimeSpan EstimatedDuration,
    TicketPriority Priority)
{
    public NewTicket For(TimeWindow arrivalWindow) =>
        new(CustomerId, PropertyId, Location, Address, Description, RequiredSkills, EstimatedDuration, arrivalWindow, Priority);

    /// <summary>Everything of <paramref name="ticket"/> but its arrival window, which each occurrence sets.</summary>
    public static RecurringTicketTemplate From(NewTicket ticket) =>
        new(ticket.CustomerId, ticket.PropertyId, ticket.Location, ticket.Address, ticket.Description, ticket.RequiredSkills, ticket.EstimatedDuration, ticket.Priority);
}

public sealed record RecurringJob(RecurringTicketTemplate Template, RecurrenceRule Rule);

/// <summary>An occurrence that has its ticket.</summary>
public sealed record GeneratedOccurrence(DateOnly Date, string TicketId, TimeWindow ArrivalWindow);

public sealed record RecurringJobSnapshot(
    string TenantId,
    string SeriesId,
    RecurringJob Job,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? StoppedAt,
    string? StoppedBy,
    IReadOnlyList<GeneratedOccurrence> Generated,
    IReadOnlyList<RecurrenceOccurrence> Upcoming);
