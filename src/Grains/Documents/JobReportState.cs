using Orleans;

namespace OrleansPortal.Grains.Documents;

[GenerateSerializer, Alias("op.JobReportState")]
public sealed class JobReportState
{
    [Id(0)]
    public List<ReportNote> Notes { get; set; } = [];

    [Id(1)]
    public List<ReportPhoto> Photos { get; set; } = [];
}
