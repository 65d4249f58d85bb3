namespace OrleansPortal.Web.Documents;

public static class DocumentsServices
{
    /// <summary>The photo blob store, upload reader and PDF reports, configured by the "Documents" section.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentsOptions>(configuration.GetSection(DocumentsOptions.SectionName));
        services.AddSingleton<PhotoStore>();
        services.AddSingleton<PhotoUpload>();
        services.AddSingleton<ReportPhotos>();
        services.AddSingleton<DevicePhotoLinks>();
        services.AddSingleton<Reports.JobReportPdfs>();
        return services;
    }
}
