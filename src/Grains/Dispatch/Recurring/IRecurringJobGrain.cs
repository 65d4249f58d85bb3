using Orleans;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch.Recurring;

/// <summary>
/// A series of recurring work orders (weekly maintenance, say), keyed "{tenantId}:{seriesId}". It creates one Scheduled
/// ticket per occurrence once the occurrence comes within the generation horizon, with an id derived from the series and
/// the date (<see cref="OccurrenceTicketId"/>), so no occurrence ever gets two tickets.
/// </summary>
[Alias("op.IRecurringJobGrain")]
public interface IRecurringJobGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>
    /// Creates the series, generates the occurrences already inside the horizon and schedules the rest; throws
    /// <see cref="ConflictException"/> if it exists and <see cref="ArgumentException"/> for an invalid rule or a template with an arrival window.
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

/// <summary>
/// A series: <see cref="Template"/> is what every ticket of it has in common and has no arrival window (each occurrence
/// sets its own); <see cref="Rule"/> says when it recurs.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.RecurringJob")]
public sealed record RecurringJob(NewTicket Template, RecurrenceRule Rule);

/// <summary>An occurrence that has its ticket.</summary>
[GenerateSerializer, Immutable, Alias("op.GeneratedOccurrence")]
public sealed record GeneratedOccurrence(DateOnly Date, string TicketId, TimeWindow ArrivalWindow);

[GenerateSerializer, Immutable, Alias("op.RecurringJobSnapshot")]
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
