using System.Globalization;
using System.Text;
using AnyAscii;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Notifications.Templates;
using OrleansPortal.Grains.Notifications.CustomerMessages;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Uploads;

namespace OrleansPortal.Web.Documents.Reports;

/// <summary>
/// A job's report as a PDF, read from the grains and the photo store at the moment it is asked for: the same document
/// for the portal's download, the office's and the completion email. It is the customer's document: notes are signed
/// "Technician", "Office" or "Customer" (never a dispatcher's address) and the technician by first name, as the portal
/// shows them. Who may have it is decided by the caller.
/// </summary>
public sealed partial class JobReportPdfs
{
    /// <summary>Photos are embedded at most this long on their longer side: sharp on a printed A4 page, a few hundred KB each.</summary>
    public const int PhotoSide = 1200;

    private readonly IClusterClient _grains;
    private readonly PhotoStore _photos;
    private readonly ReportFontResolver _fonts;

    public JobReportPdfs(IClusterClient grains, PhotoStore photos, IOptions<DocumentsOptions> options, ILogger<JobReportPdfs> logger)
    {
        (_grains, _photos) = (grains, photos);
        _fonts = ReportFontResolver.Install(options.Value.FontDirectory);
        if (_fonts.Available) LogFont(logger, _fonts.Source);
        else LogNoFont(logger);
    }

    /// <summary>False when the machine has no font for them: install fonts-dejavu-core, or set Documents:FontDirectory.</summary>
    public bool Available => _fonts.Available;

    /// <summary>
    /// The report of a job of <paramref name="tenantId"/> in <paramref name="language"/> ("en" or "pt"; others fall back
    /// as templates do). Throws <see cref="NotFoundException"/> for a job never created in that tenant. A photo whose file
    /// is gone or does not decode is listed by its caption instead of failing the whole report.
    /// </summary>
    public async Task<ReportPdf> RenderAsync(string tenantId, string ticketId, string language, CancellationToken cancellationToken)
    {
        if (!Available) throw new InvalidOperationException("No font for PDF reports was found on this machine.");
        var ticket = await _grains.GetGrain<ITicketGrain>(TenantKeys.For(tenantId, ticketId)).GetAsync();
        var report = _grains.GetGrain<IJobReportGrain>(TenantKeys.For(tenantId, ticketId)).GetAsync();
        var company = _grains.GetGrain<ICompanyGrain>(tenantId).GetAsync();
        var settings = _grains.GetGrain<IDispatchGrain>(tenantId).GetSettingsAsync();
        var technician = ticket.TechnicianId is { } id
            ? _grains.GetGrain<ITechnicianGrain>(TenantKeys.For(tenantId, id)).GetAsync().OrNullAsync()
            : Task.FromResult<TechnicianSnapshot?>(null);
        await Task.WhenAll(report, company, settings, technician);

        var dto = (await report).AsDto(ticket, _ => "", internalView: false);
        var photos = new List<JobReportPdfPhoto>();
        foreach (var photo in dto.Photos)
        {
            cancellationToken.ThrowIfCancellationRequested();
            photos.Add(new JobReportPdfPhoto(await EmbeddableAsync(photo.Id, cancellationToken), photo.Caption));
        }

        var writing = new ReportWriting(ReportPdfLabels.For(language), language, LocalizedText.Zone((await settings).TimeZone));
        var visitDay = dto.Departed ?? dto.Arrived ?? ticket.ArrivalWindow?.Start ?? ticket.Audit[0].At;
        var content = new JobReportPdfContent(
            writing.Labels,
            (await company)?.Name ?? "",
            dto.Description,
            writing.Day(visitDay),
            dto.Address,
            (await technician)?.Profile.Name is { } name ? CustomerMessageWriter.FirstName(name) : null,
            writing.When(dto.Arrived),
            writing.When(dto.Departed),
            Duration(dto.Arrived, dto.Departed),
            [.. dto.Notes.Select(n => new JobReportPdfNote($"{writing.When(n.At)} · {writing.Labels.Author(n.Author)}", n.Text))],
            photos);
        cancellationToken.ThrowIfCancellationRequested();
        return new ReportPdf(JobReportPdfWriter.Render(content), FileName(writing, visitDay, dto.Description));
    }

    /// <summary>The photo scaled for the page, or null when its file is gone or does not decode.</summary>
    private async Task<byte[]?> EmbeddableAsync(string photoId, CancellationToken cancellationToken)
    {
        if (_photos.OpenRead(photoId) is not { } stream) return null;
        byte[] original;
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            original = copy.ToArray();
        }
        // Re-encoded by Skia: PDFsharp embeds JPEG and PNG, and photos stored before uploads were re-encoded may be WebP.
        return (await ImageSanitizer.ScaledAsync(original, PhotoSide, cancellationToken))?.Bytes;
    }

    private static string Duration(DateTimeOffset? arrived, DateTimeOffset? departed)
    {
        if (arrived is not { } a || departed is not { } d) return "—";
        var minutes = (int)Math.Round((d - a).TotalMinutes, MidpointRounding.AwayFromZero);
        return minutes < 60 ? $"{minutes} min" : $"{minutes / 60} h {minutes % 60:00} min";
    }

    /// <summary>"job-report-2026-12-08-fix-the-sprinklers.pdf": the day and the job, in letters any file system takes.</summary>
    private static string FileName(ReportWriting writing, DateTimeOffset visitDay, string description)
    {
        var day = TimeZoneInfo.ConvertTime(visitDay, writing.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var slug = new StringBuilder();
        foreach (var c in description.Transliterate().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 40) break;
        }
        var words = slug.ToString().Trim('-');
        return words.Length == 0 ? $"{writing.Labels.FileName}-{day}.pdf" : $"{writing.Labels.FileName}-{day}-{words}.pdf";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PDF reports are written with the font {FontFile}")]
    private static partial void LogFont(ILogger logger, string? fontFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No font for PDF reports was found (install fonts-dejavu-core or set Documents:FontDirectory): report downloads answer 503 and completion emails go without the report")]
    private static partial void LogNoFont(ILogger logger);

    /// <summary>Instants as the reader writes them: "8 December 2026, 10:05" in the company's time zone.</summary>
    private sealed record ReportWriting(ReportPdfLabels Labels, string Language, TimeZoneInfo Zone)
    {
        public string Day(DateTimeOffset at) => LocalizedText.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime), Language);

        public string When(DateTimeOffset? at) => at is { } t ? $"{Day(t)}, {LocalizedText.Time(t, Zone)}" : "—";
    }
}

/// <summary>A rendered report: the PDF's bytes and the name to offer it under.</summary>
public sealed record ReportPdf(byte[] Content, string FileName);
