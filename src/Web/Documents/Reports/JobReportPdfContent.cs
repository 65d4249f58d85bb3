namespace OrleansPortal.Web.Documents.Reports;

/// <summary>
/// What the PDF report says, already in the reader's language and time zone, so <see cref="JobReportPdfWriter"/> only
/// lays it out. People's text (the title, notes, captions, the address) is kept exactly as written.
/// </summary>
/// <param name="Date">The day of the visit ("8 December 2026"), shown under the title.</param>
/// <param name="Technician">Who did the job, or null when nobody was assigned.</param>
/// <param name="Arrived">"8 December 2026, 10:05", or a dash when the technician never checked in.</param>
/// <param name="TimeOnSite">"1 h 15 min", or a dash.</param>
public sealed record JobReportPdfContent(
    ReportPdfLabels Labels,
    string CompanyName,
    string JobTitle,
    string Date,
    string Address,
    string? Technician,
    string Arrived,
    string Left,
    string TimeOnSite,
    IReadOnlyList<JobReportPdfNote> Notes,
    IReadOnlyList<JobReportPdfPhoto> Photos);

/// <param name="Heading">When and by whom: "8 December 2026, 10:07 · Technician".</param>
public sealed record JobReportPdfNote(string Heading, string Text);

/// <param name="Image">JPEG or PNG bytes to embed, or null when the photo could not be read (the caption is still listed).</param>
public sealed record JobReportPdfPhoto(byte[]? Image, string? Caption);
