using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Properties;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Properties;

namespace OrleansPortal.Web.Tickets;

/// <summary>
/// Gathers a job's page from the grains that own each part, read in parallel once the ticket is known: its customer and
/// property, its technician, the route it is on, its report and the customer's documents about it. Every key is built
/// from the caller's tenant, so another company's job id names nothing here. Nothing is decided that the owners do not
/// already decide.
/// </summary>
public static class JobOverview
{
    /// <summary>Throws <see cref="NotFoundException"/> for a job never created in this tenant.</summary>
    public static async Task<JobOverviewDto> LoadAsync(IClusterClient grains, string tenantId, string ticketId, DateTimeOffset now)
    {
        var ticket = await grains.GetGrain<ITicketGrain>(TenantKeys.For(tenantId, ticketId)).GetAsync();
        var details = ticket.Details;
        var dispatch = grains.GetGrain<IDispatchGrain>(tenantId);

        // Tickets may name customers, properties or technicians that are gone or were never created (imported jobs).
        var customer = grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenantId, details.CustomerId)).GetAsync().OrNullAsync();
        var property = grains.GetGrain<IPropertyGrain>(TenantKeys.For(tenantId, details.PropertyId)).GetAsync().OrNullAsync();
        var technician = ticket.TechnicianId is { } id ? grains.GetGrain<ITechnicianGrain>(TenantKeys.For(tenantId, id)).GetAsync().OrNullAsync() : Task.FromResult<TechnicianSnapshot?>(null);
        var report = grains.GetGrain<IJobReportGrain>(TenantKeys.For(tenantId, ticketId)).GetAsync();
        var documents = CustomerDocuments.LoadAsync(grains, tenantId, details.CustomerId, now);
        var settings = dispatch.GetSettingsAsync();
        var today = dispatch.GetTodayAsync();
        await Task.WhenAll(customer, property, technician, report, documents, settings, today);

        var technicianName = (await technician)?.Profile.Name;
        var route = await RouteOfAsync(grains, tenantId, ticket, technicianName, await today, TimeZoneInfo.FindSystemTimeZoneById((await settings).TimeZone));
        return new JobOverviewDto(
            ticket.AsDto(),
            new JobCustomerDto(details.CustomerId, (await customer)?.Name ?? ""),
            (await property)?.AsDto(),
            technicianName,
            route,
            (await report).AsDto(ticket, DocumentsApi.PhotoUrl(ticketId), internalView: true),
            [.. (await documents).Estimates.Where(e => e.TicketId == ticketId)],
            [.. (await documents).Invoices.Where(i => i.TicketId == ticketId)],
            ConversationKey.ThreadIdForJob(ticketId),
            (await settings).TimeZone);
    }

    /// <summary>
    /// The job's stop on its technician's route: on the day its window falls on (dispatch rolls past days into today), else
    /// today, as dispatch files jobs by day. Null for a job with no technician, closed or on hold, or not planned yet.
    /// </summary>
    private static async Task<JobRouteDto?> RouteOfAsync(IClusterClient grains, string tenantId, TicketSnapshot ticket, string? technicianName, DateOnly today, TimeZoneInfo zone)
    {
        if (ticket.TechnicianId is not { } technicianId || TicketLifecycle.IsFinal(ticket.Status) || ticket.Status == TicketStatus.OnHold) return null;
        var windowDay = ticket.ArrivalWindow is { } w ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(w.Start, zone).DateTime) : today;
        foreach (var day in new[] { windowDay < today ? today : windowDay, today }.Distinct())
        {
            var view = await grains.GetGrain<IRouteGrain>(RouteKeys.For(tenantId, technicianId, day)).GetAsync();
            var stops = view?.Plan.Stops ?? [];
            var index = stops.ToList().FindIndex(s => s.TicketId == ticket.TicketId);
            if (index < 0) continue;
            var stop = stops[index];
            var estimate = view!.Estimates.FirstOrDefault(e => e.TicketId == ticket.TicketId);
            return new JobRouteDto(technicianId, technicianName ?? "", day, index + 1, stops.Count, stop.PlannedArrival, stop.PlannedDeparture, estimate?.Eta, estimate?.MinutesLate ?? 0);
        }
        return null;
    }
}
