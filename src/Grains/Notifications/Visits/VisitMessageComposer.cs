using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Notifications.CustomerMessages;
using OrleansPortal.Grains.Notifications.WebPush;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Notifications.Visits;

/// <summary>
/// Writes a visit's moments as notices for the contacts who follow the visit (owners, and property managers granted its
/// property), with what the visit's templates need (job, window, technician, ETA, links); <see
/// cref="CustomerMessageWriter"/> renders and queues them. The technician's phone is told of new jobs alongside.
/// </summary>
public sealed class VisitMessageComposer(
    IGrainFactory grains,
    CustomerMessageWriter writer,
    IOptions<NotificationLinkOptions> options,
    TechnicianJobPush technicianPush)
{
    public async Task QueueAsync(TicketSnapshot ticket, IReadOnlyList<VisitMoment> moments, VisitExtras? extras, VisitLinks links)
    {
        if (moments.Count == 0) return;
        await technicianPush.QueueAsync(ticket, moments); // the technician's phone, whoever the customer's audience is
        CustomerSnapshot customer;
        try
        {
            customer = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(ticket.TenantId, ticket.Details.CustomerId)).GetAsync();
        }
        catch (NotFoundException)
        {
            return; // a ticket whose customer is gone has nobody to tell; retrying would not change that
        }

        var audience = CustomerMessageWriter.Audience(customer, ticket.Details.PropertyId);
        if (audience.Count == 0) return;
        var technician = ticket.TechnicianId is { } id ? await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(ticket.TenantId, id)).GetAsync() : null;
        var technicianName = technician is null ? null : CustomerMessageWriter.FirstName(technician.Profile.Name);

        var notices = moments.Select(moment => new Notice(
            moment.Trigger, $"{moment.Trigger}:{ticket.TicketId}:{moment.Occurrence}", ticket.TicketId, moment.NotBefore, model =>
            {
                model.Job(ticket.Details.Description, ticket.Details.Address).Technician(technicianName);
                if (ticket.ArrivalWindow is { } window) model.Window(window.Start, window.End);
                if (extras is not null)
                {
                    model.Eta(extras.Eta, extras.ComputedAt);
                    if (extras.MinutesLate > 0) model.Delay(TimeSpan.FromMinutes(extras.MinutesLate));
                }
                if (moment.Trigger == NotificationTrigger.Reminder && ticket.ArrivalWindow is { } w && moment.NotBefore is { } due) model.ReminderBefore(w.Start - due);
                foreach (var (variable, url) in Links(ticket, moment, links)) model.Link(variable, url);
            })).ToList();
        await writer.QueueAsync(ticket.TenantId, customer, audience, notices);
    }

    /// <summary>The triggers whose messages carry the visit's tracking link.</summary>
    public static bool CarriesTracking(NotificationTrigger trigger) => trigger is NotificationTrigger.OnMyWay or NotificationTrigger.Arriving or NotificationTrigger.Delayed;

    /// <summary>The links each moment carries.</summary>
    private List<(string Variable, Uri Url)> Links(TicketSnapshot ticket, VisitMoment moment, VisitLinks visit)
    {
        var links = new List<(string, Uri)>();
        switch (moment.Trigger)
        {
            case var trigger when CarriesTracking(trigger):
                if (visit.TrackingToken is { } tracking) links.Add(("links.tracking", options.Value.Tracking(tracking)));
                break;
            case NotificationTrigger.Completed:
                links.Add(("links.report", options.Value.Appointment(ticket.TicketId)));
                break;
            case NotificationTrigger.ReviewRequest:
                // The survey's own page; the appointment in the portal only when no survey could be filed.
                links.Add(("links.review", visit.SurveyToken is { } survey ? options.Value.Survey(survey) : options.Value.Appointment(ticket.TicketId)));
                break;
        }

        return links;
    }
}

/// <summary>The visit's link tokens a message may carry: its tracking page and its satisfaction survey.</summary>
public sealed record VisitLinks(string? TrackingToken, string? SurveyToken);
