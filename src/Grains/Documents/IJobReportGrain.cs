using Orleans;

namespace OrleansPortal.Grains.Documents;

/// <summary>
/// The report of one job, keyed "{tenantId}:{ticketId}" like its ticket: notes and photo records (the photo bytes live in
/// a blob store, never in grain state). Time on site is not kept here: it comes from the ticket's audit trail.
/// </summary>
[Alias("op.IJobReportGrain")]
public interface IJobReportGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends a note. With <see cref="ReportAuthor.OnlyIfTechnician"/> set, the ticket is read inside this turn and the note
    /// is refused (<see cref="NotFoundException"/>) unless the job is that technician's; an unknown ticket is refused alike.
    /// Throws <see cref="ConflictException"/> when the report already holds its maximum of notes.
    /// </summary>
    Task<JobReport> AddNoteAsync(string text, ReportAuthor author);

    /// <summary>Records a stored photo under the same ownership rule as <see cref="AddNoteAsync"/>.</summary>
    Task<JobReport> AddPhotoAsync(NewReportPhoto photo, ReportAuthor author);

    /// <summary>The notes and photos so far; empty for a job nobody reported on.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<JobReport> GetAsync();
}

/// <summary>Who adds to a report: <paramref name="Actor"/> as audit trails name it; a technician's phone also sets <paramref name="OnlyIfTechnician"/>.</summary>
[GenerateSerializer, Immutable, Alias("op.ReportAuthor")]
public sealed record ReportAuthor(string Actor, bool IsTechnician, string? OnlyIfTechnician = null);

[GenerateSerializer, Immutable, Alias("op.NewReportPhoto")]
public sealed record NewReportPhoto(string PhotoId, string ContentType, long Length, string? Caption);

[GenerateSerializer, Immutable, Alias("op.ReportNote")]
public sealed record ReportNote(DateTimeOffset At, string Actor, bool ByTechnician, string Text);

[GenerateSerializer, Immutable, Alias("op.ReportPhoto")]
public sealed record ReportPhoto(string PhotoId, DateTimeOffset At, string Actor, bool ByTechnician, string ContentType, long Length, string? Caption);

[GenerateSerializer, Immutable, Alias("op.JobReport")]
public sealed record JobReport(string TicketId, IReadOnlyList<ReportNote> Notes, IReadOnlyList<ReportPhoto> Photos);
