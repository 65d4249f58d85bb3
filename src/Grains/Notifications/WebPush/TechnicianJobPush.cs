using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Notifications.Templates;
using OrleansPortal.Grains.Notifications.Visits;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Notifications.WebPush;

/// <summary>
/// Tells a technician's phone about a job just given to them, when it changes their day: an emergency, or a job for
/// today in the company's time zone. A job for a later day waits for the phone's list; a push for it would only be noise.
/// Queued from the visit's moments like the customer's messages, so an assignment made anywhere (dispatcher, optimizer,
/// auto-assignment) pushes the same way, once per technician per job.
/// </summary>
public sealed partial class TechnicianJobPush(
    IGrainFactory grains,
    INotificationOutbox outbox,
    OutboxSignal signal,
    DomainClock clock,
    IOptions<NotificationLinkOptions> options,
    ILogger<TechnicianJobPush> logger)
{
    public async Task QueueAsync(TicketSnapshot ticket, IReadOnlyList<VisitMoment> moments)
    {
        // The moment names the technician it was made for; a ticket read later may already name another.
        if (moments.FirstOrDefault(m => m.Trigger == NotificationTrigger.TechnicianAssigned) is not { } assigned || assigned.Occurrence != ticket.TechnicianId) return;
        var now = clock.GetUtcNow();
        var settings = await grains.GetGrain<IDispatchGrain>(ticket.TenantId).GetSettingsAsync();
        if (!Concerns(ticket, now, TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone))) return;

        var language = options.Value.DefaultLanguage;
        var resolved = await grains.GetGrain<INotificationTemplatesGrain>(ticket.TenantId).ResolveAsync(NotificationTrigger.TechnicianAssigned, NotificationChannel.Push, language);
        if (resolved is not { Enabled: true }) return;

        var company = await grains.GetGrain<Companies.ICompanyGrain>(ticket.TenantId).GetAsync();
        var model = new NotificationModel(language, settings.TimeZone)
            .Company(company?.Name ?? "", company?.Phone)
            .Customer(await CustomerNameAsync(ticket) ?? "")
            .Job(ticket.Details.Description, ticket.Details.Address);
        if (ticket.ArrivalWindow is { } window) model.Window(window.Start, window.End);
        var rendered = TemplateRenderer.Render(resolved.Template, model);

        var technician = assigned.Occurrence;
        var message = new OutgoingMessage(
            ticket.TenantId, $"Push:{NotificationTrigger.TechnicianAssigned}:{ticket.TicketId}:{technician}", NotificationTrigger.TechnicianAssigned,
            NotificationChannel.Push, technician, CustomerId: null, ContactId: null, ticket.TicketId, language, rendered.Subject, rendered.Text, Html: null,
            Urgent: ticket.Details.Priority == TicketPriority.Emergency, Marketing: false, NotBefore: now);
        if (await outbox.EnqueueAsync(message, now) is null) return; // pushed already for this technician and job
        signal.Raise();
        LogQueued(ticket.TicketId, message.Urgent);
    }

    /// <summary>The customer's name; null for a job whose customer record is gone (or never existed): the job still goes to the phone.</summary>
    private async Task<string?> CustomerNameAsync(TicketSnapshot ticket)
    {
        try
        {
            return (await grains.GetGrain<ICustomerGrain>(TenantKeys.For(ticket.TenantId, ticket.Details.CustomerId)).GetAsync()).Name;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the job changes the technician's day: an emergency always does; any other job when its window touches
    /// today in the company's time zone. A job with no window yet is not on anyone's day.
    /// </summary>
    public static bool Concerns(TicketSnapshot ticket, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (ticket.Details.Priority == TicketPriority.Emergency) return true;
        if (ticket.ArrivalWindow is not { } window) return false;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(window.Start, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(window.End, zone).DateTime);
        return first <= today && today <= last;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued a push of job {TicketId} to its technician (urgent: {Urgent})")]
    private partial void LogQueued(string ticketId, bool urgent);
}
