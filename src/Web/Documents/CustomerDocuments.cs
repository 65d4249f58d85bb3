using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Web.Documents;

/// <summary>A customer's documents as the office sees them, for the documents list and the customer's page alike.</summary>
public static class CustomerDocuments
{
    /// <summary>The customer's estimates and invoices, newest first, decisions with their client IP (the office's view).</summary>
    public static async Task<CustomerDocumentsDto> LoadAsync(IClusterClient grains, string tenantId, string customerId, DateTimeOffset now)
    {
        var ids = await grains.GetGrain<ICustomerDocumentsGrain>(TenantKeys.For(tenantId, customerId)).GetAsync();
        var estimates = await Task.WhenAll(ids.EstimateIds.Reverse().Select(e => grains.GetGrain<IEstimateGrain>(TenantKeys.For(tenantId, e)).GetAsync()));
        var invoices = await Task.WhenAll(ids.InvoiceIds.Reverse().Select(i => grains.GetGrain<IInvoiceGrain>(TenantKeys.For(tenantId, i)).GetAsync()));
        return new CustomerDocumentsDto([.. estimates.Select(e => e.AsDto(now, internalView: true))], [.. invoices.Select(i => i.AsDto(now))]);
    }

    /// <summary>
    /// The reports of these jobs that have something to show, in the jobs' order: a job has a report once someone wrote in
    /// it or it is done; a job still to come has nothing to show.
    /// </summary>
    public static async Task<IReadOnlyList<ReportSummaryDto>> ReportsAsync(IClusterClient grains, string tenantId, IEnumerable<TicketSnapshot> jobs)
    {
        var reports = await Task.WhenAll(jobs.Select(async job => (Job: job, Report: await grains.GetGrain<IJobReportGrain>(TenantKeys.For(tenantId, job.TicketId)).GetAsync())));
        return [.. reports.Where(r => r.Job.Status == TicketStatus.Completed || r.Report.Notes.Count + r.Report.Photos.Count > 0).Select(r => r.Report.AsSummary(r.Job))];
    }
}
