namespace OrleansPortal.Grains.Documents;

public sealed class JobReportState
{
    public List<ReportNote> Notes { get; set; } = [];

    public List<ReportPhoto> Photos { get; set; } = [];
}
