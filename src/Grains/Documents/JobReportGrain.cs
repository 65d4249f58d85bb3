using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Documents;

public sealed class JobReportGrain([PersistentState("job-report")] IPersistentState<JobReportState> state, DomainClock clock) : Grain, IJobReportGrain
{
    public const int MaxNotes = 200;
    public const int MaxPhotos = 50;

    private string TenantId => TenantKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string TicketId => TenantKeys.Split(this.GetPrimaryKeyString()).LocalId;

    public async Task<JobReport> AddNoteAsync(string text, ReportAuthor author)
    {
        await EnsureMayWriteAsync(author);
        if (state.State.Notes.Count >= MaxNotes) throw new ConflictException($"A job report holds at most {MaxNotes} notes.");
        state.State.Notes.Add(new ReportNote(clock.GetUtcNow(), author.Actor, author.IsTechnician, text));
        await state.WriteStateAsync();
        return Report();
    }

    public async Task<JobReport> AddPhotoAsync(NewReportPhoto photo, ReportAuthor author)
    {
        await EnsureMayWriteAsync(author);
        if (state.State.Photos.Count >= MaxPhotos) throw new ConflictException($"A job report holds at most {MaxPhotos} photos.");
        state.State.Photos.Add(new ReportPhoto(photo.PhotoId, clock.GetUtcNow(), author.Actor, author.IsTechnician, photo.ContentType, photo.Length, photo.Caption));
        await state.WriteStateAsync();
        return Report();
    }

    public Task<JobReport> GetAsync() => Task.FromResult(Report());

    // Read in this turn, right before the write: the ticket is the truth about whose job it is. A reassignment landing
    // between this read and the write is the one window left, and it admits only a note from the technician who held
    // the job a moment earlier.
    private async Task EnsureMayWriteAsync(ReportAuthor author)
    {
        var ticket = await GrainFactory.GetGrain<ITicketGrain>(TenantKeys.For(TenantId, TicketId)).GetAsync(); // NotFoundException for no ticket
        if (author.OnlyIfTechnician is { } owner && ticket.TechnicianId != owner)
            throw new NotFoundException($"Ticket {TicketId} is not this technician's job.");
    }

    private JobReport Report() => new(TicketId, [.. state.State.Notes], [.. state.State.Photos]);
}
