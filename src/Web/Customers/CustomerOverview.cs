using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Properties;

namespace OrleansPortal.Web.Customers;

/// <summary>
/// Gathers a customer's page from the grains and tables that own each part, read in parallel: the customer, its
/// properties, its newest <see cref="MaxJobs"/> jobs (its job list is newest last), the reports of the jobs shown,
/// its estimates and invoices, and its threads from the team's inbox. Nothing here decides anything the owners do not
/// already decide.
/// </summary>
public static class CustomerOverview
{
    /// <summary>How many of the customer's newest jobs the page reads; older ones are found through the jobs themselves.</summary>
    public const int MaxJobs = 200;

    public const int MaxRecentJobs = 20, MaxThreads = 50;

    /// <summary>Throws <see cref="NotFoundException"/> for a customer never created.</summary>
    public static async Task<CustomerOverviewDto> LoadAsync(IClusterClient grains, IConversationInbox inbox, string tenantId, string customerId, DateTimeOffset now)
    {
        var customer = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenantId, customerId)).GetAsync();
        var ticketIds = await grains.GetGrain<ICustomerJobsGrain>(TenantKeys.For(tenantId, customerId)).GetAsync();

        var properties = PropertyDtoMapping.LoadAsync(grains, tenantId, customer.PropertyIds);
        var jobs = Task.WhenAll(ticketIds.TakeLast(MaxJobs).Select(id => grains.GetGrain<ITicketGrain>(TenantKeys.For(tenantId, id)).GetAsync()));
        var documents = CustomerDocuments.LoadAsync(grains, tenantId, customerId, now);
        var threads = TeamThreadsAsync(grains, inbox, tenantId, customerId);
        await Task.WhenAll(properties, jobs, documents, threads);

        var (open, closed) = Split(await jobs);
        var recent = closed.Take(MaxRecentJobs).ToList();
        return new CustomerOverviewDto(
            customer.AsDto(),
            await properties,
            [.. open.Select(j => j.AsCustomerJob())],
            [.. recent.Select(j => j.AsCustomerJob())],
            await CustomerDocuments.ReportsAsync(grains, tenantId, [.. recent, .. open]),
            (await documents).Estimates,
            (await documents).Invoices,
            await threads,
            ConversationKey.ThreadIdForCustomer(customerId));
    }

    private static async Task<TeamThreadDto[]> TeamThreadsAsync(IClusterClient grains, IConversationInbox inbox, string tenantId, string customerId) =>
        await TeamThreads.DescribeAsync(grains, tenantId, await inbox.ListForCustomerAsync(tenantId, customerId, MaxThreads));

    /// <summary>Open jobs (scheduled ones by window, then the rest oldest first) and closed ones (last change first).</summary>
    private static (IEnumerable<TicketSnapshot> Open, IEnumerable<TicketSnapshot> Closed) Split(TicketSnapshot[] jobs)
    {
        var open = jobs
            .Where(j => j.Status is not (TicketStatus.Completed or TicketStatus.Cancelled))
            .OrderBy(j => j.ArrivalWindow is null)
            .ThenBy(j => j.ArrivalWindow?.Start)
            .ThenBy(j => j.Audit[0].At);
        var closed = jobs
            .Where(j => j.Status is TicketStatus.Completed or TicketStatus.Cancelled)
            .OrderByDescending(j => j.Audit[^1].At);
        return (open, closed);
    }
}
