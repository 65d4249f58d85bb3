using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Notifications.WebPush;
using OrleansPortal.Grains.Notifications.Templates;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Notifications.Visits;

/// <summary>
/// Writes a visit's moments as messages and queues them: for each contact who follows the visit (owners, and property
/// managers granted its property), on each channel the contact can be reached by and the company has switched on for
/// the trigger, in the contact's language, from the company's template. Rules that belong to the moment of sending
/// (preferences, quiet hours, opt-outs, caps) are applied by the sender, not here.
/// </summary>
public sealed partial class VisitMessageComposer(
    IGrainFactory grains,
    INotificationOutbox outbox,
    OutboxSignal signal,
    DomainClock clock,
    IOptions<NotificationLinkOptions> options,
    TechnicianJobPush technicianPush,
    ILogger<VisitMessageComposer> logger)
{
    private static readonly NotificationChannel[] Channels = [NotificationChannel.Email, NotificationChannel.Sms, NotificationChannel.InApp];

    public async Task QueueAsync(TicketSnapshot ticket, IReadOnlyList<VisitMoment> moments, VisitExtras? extras, string? trackingToken)
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

        var audience = customer.Contacts.Where(c => c.Role == ContactRole.Owner || c.Role == ContactRole.PropertyManager && c.GrantedPropertyIds.Contains(ticket.Details.PropertyId)).ToList();
        if (audience.Count == 0) return;

        var company = await grains.GetGrain<Companies.ICompanyGrain>(ticket.TenantId).GetAsync();
        var settings = await grains.GetGrain<IDispatchGrain>(ticket.TenantId).GetSettingsAsync();
        var technician = ticket.TechnicianId is { } id ? await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(ticket.TenantId, id)).GetAsync() : null;
        var templates = grains.GetGrain<INotificationTemplatesGrain>(ticket.TenantId);
        var now = clock.GetUtcNow();
        var queued = 0;

        foreach (var moment in moments)
        {
            var links = Links(ticket, moment, trackingToken);
            foreach (var contact in audience)
            {
                var language = contact.Preferences.Language ?? options.Value.DefaultLanguage;
                var model = new NotificationModel(language, settings.TimeZone)
                    .Company(company?.Name ?? "", null)
                    .Customer(customer.Name)
                    .Contact(FirstName(contact.Name), contact.Name)
                    .Job(ticket.Details.Description, ticket.Details.Address)
                    .Technician(technician is null ? null : FirstName(technician.Profile.Name));
                if (ticket.ArrivalWindow is { } window) model.Window(window.Start, window.End);
                if (extras is not null)
                {
                    model.Eta(extras.Eta, extras.ComputedAt);
                    if (extras.MinutesLate > 0) model.Delay(TimeSpan.FromMinutes(extras.MinutesLate));
                }
                if (moment.Trigger == NotificationTrigger.Reminder && ticket.ArrivalWindow is { } w && moment.NotBefore is { } due) model.ReminderBefore(w.Start - due);
                foreach (var (variable, url) in links) model.Link(variable, url);

                foreach (var channel in Channels)
                {
                    if (AddressOf(contact, channel, customer) is not { } recipient) continue;
                    var resolved = await templates.ResolveAsync(moment.Trigger, channel, language);
                    if (resolved is not { Enabled: true }) continue;
                    var rendered = TemplateRenderer.Render(resolved.Template, model);
                    var message = new OutgoingMessage(
                        ticket.TenantId, $"{moment.Trigger}:{ticket.TicketId}:{moment.Occurrence}:{contact.ContactId}:{channel}", moment.Trigger, channel, recipient,
                        customer.CustomerId, contact.ContactId, ticket.TicketId, language, rendered.Subject, rendered.Text, rendered.Html,
                        Urgent: TriggerRules.IsUrgent(moment.Trigger), Marketing: false, NotBefore: moment.NotBefore ?? now);
                    if (await outbox.EnqueueAsync(message, now) is not null) queued++;
                }
            }
        }

        if (queued > 0)
        {
            signal.Raise();
            LogQueued(queued, ticket.TicketId);
        }
    }

    /// <summary>The triggers whose messages carry the visit's tracking link.</summary>
    public static bool CarriesTracking(NotificationTrigger trigger) => trigger is NotificationTrigger.OnMyWay or NotificationTrigger.Arriving or NotificationTrigger.Delayed;

    /// <summary>The links each moment carries.</summary>
    private List<(string Variable, Uri Url)> Links(TicketSnapshot ticket, VisitMoment moment, string? trackingToken)
    {
        var links = new List<(string, Uri)> { ("links.portal", options.Value.Portal()) };
        switch (moment.Trigger)
        {
            case var trigger when CarriesTracking(trigger):
                if (trackingToken is not null) links.Add(("links.tracking", options.Value.Tracking(trackingToken)));
                break;
            case NotificationTrigger.Completed:
                links.Add(("links.report", options.Value.Appointment(ticket.TicketId)));
                break;
            case NotificationTrigger.ReviewRequest:
                links.Add(("links.review", options.Value.Appointment(ticket.TicketId)));
                break;
        }

        return links;
    }

    /// <summary>Where the contact is reached on a channel, or null when they cannot be: no email, no phone.</summary>
    public static string? AddressOf(CustomerContact contact, NotificationChannel channel, CustomerSnapshot customer) => channel switch
    {
        NotificationChannel.Email => string.IsNullOrWhiteSpace(contact.Email) ? null : contact.Email,
        NotificationChannel.Sms => string.IsNullOrWhiteSpace(contact.Phone) ? null : contact.Phone,
        NotificationChannel.InApp => NotificationOutbox.InAppRecipient(customer.CustomerId, contact.ContactId),
        _ => null,
    };

    /// <summary>The name a message greets someone by: the first word of their name.</summary>
    public static string FirstName(string name) => name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : name;

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} messages for ticket {TicketId}")]
    private partial void LogQueued(int count, string ticketId);
}
