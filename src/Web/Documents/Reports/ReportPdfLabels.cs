using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Web.Documents.Reports;

/// <summary>
/// The words of the PDF report in English and European Portuguese. Ours, like <see cref="LocalizedText"/>'s day and month
/// names: the app runs with invariant globalization, so no culture would supply them.
/// </summary>
public sealed record ReportPdfLabels(
    string Title,
    string Address,
    string Technician,
    string Arrived,
    string Left,
    string TimeOnSite,
    string Notes,
    string NoNotes,
    string Photos,
    string NoPhotos,
    string PhotoMissing,
    string PageOf,
    string ByTechnician,
    string ByOffice,
    string ByCustomer,
    string FileName)
{
    public static readonly ReportPdfLabels English = new(
        Title: "Job report",
        Address: "Address",
        Technician: "Technician",
        Arrived: "Arrived",
        Left: "Left",
        TimeOnSite: "Time on site",
        Notes: "Notes",
        NoNotes: "No notes.",
        Photos: "Photos",
        NoPhotos: "No photos.",
        PhotoMissing: "(this photo could not be included)",
        PageOf: "Page {0} of {1}",
        ByTechnician: "Technician",
        ByOffice: "Office",
        ByCustomer: "Customer",
        FileName: "job-report");

    public static readonly ReportPdfLabels Portuguese = new(
        Title: "Relatório do serviço",
        Address: "Morada",
        Technician: "Técnico",
        Arrived: "Chegada",
        Left: "Saída",
        TimeOnSite: "Tempo no local",
        Notes: "Notas",
        NoNotes: "Sem notas.",
        Photos: "Fotografias",
        NoPhotos: "Sem fotografias.",
        PhotoMissing: "(não foi possível incluir esta fotografia)",
        PageOf: "Página {0} de {1}",
        ByTechnician: "Técnico",
        ByOffice: "Escritório",
        ByCustomer: "Cliente",
        FileName: "relatorio-servico");

    /// <summary>The labels for a reader's language tag, falling back as templates do (<see cref="TemplateLanguage.For"/>).</summary>
    public static ReportPdfLabels For(string? language) => TemplateLanguage.For(language) == TemplateLanguage.Portuguese ? Portuguese : English;

    /// <summary>"Page 2 of 3".</summary>
    public string Page(int number, int count) =>
        PageOf.Replace("{0}", number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
              .Replace("{1}", count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Who wrote a note as customers are told ("Technician", "Office", "Customer" in <see cref="JobReportDto"/>), in this language.</summary>
    public string Author(string customerFacingAuthor) => customerFacingAuthor switch
    {
        "Technician" => ByTechnician,
        "Customer" => ByCustomer,
        _ => ByOffice,
    };
}
