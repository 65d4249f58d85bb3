using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Grains.Notifications.CustomerMessages;

/// <summary>
/// Writes notices to a customer's contacts and queues them: for each contact, on each channel the contact can be
/// reached by and the company has switched on for the trigger, in the contact's language, from the company's template.
/// Rules that belong to the moment of sending (preferences, quiet hours, opt-outs, caps) are the sender's, not this.
/// Visits, estimates and (later) invoices all come through here, so every message has the same shape and key.
/// </summary>
public sealed partial class CustomerMessageWriter(
    IGrainFactory grains,
    INotificationOutbox outbox,
    OutboxSignal signal,
    DomainClock clock,
    IOptions<NotificationLinkOptions> options,
    ILogger<CustomerMessageWriter> logger)
{
    private static readonly NotificationChannel[] Channels = [NotificationChannel.Email, NotificationChannel.Sms, NotificationChannel.InApp];

    /// <summary>Who hears about a property's business: the customer's owners, and property managers granted that property.</summary>
    public static IReadOnlyList<CustomerContact> Audience(CustomerSnapshot customer, string? propertyId) =>
        customer.Contacts.Where(c => c.Role == ContactRole.Owner || c.Role == ContactRole.PropertyManager && propertyId is not null && c.GrantedPropertyIds.Contains(propertyId)).ToList();

    /// <summary>
    /// Queues <paramref name="notice"/> for the customer's contacts <paramref name="audience"/> picks; returns how many
    /// messages were newly stored. A customer that no longer exists is told nothing (asking again would not change that).
    /// </summary>
    public async Task<int> QueueForCustomerAsync(string tenantId, string customerId, Func<CustomerSnapshot, IReadOnlyList<CustomerContact>> audience, Notice notice)
    {
        CustomerSnapshot customer;
        try
        {
            customer = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenantId, customerId)).GetAsync();
        }
        catch (NotFoundException)
        {
            LogNobodyToTell(notice.Trigger, notice.Key);
            return 0;
        }

        return await QueueAsync(tenantId, customer, audience(customer), [notice]);
    }

    /// <summary>Queues <paramref name="notices"/> for <paramref name="audience"/>; returns how many messages were newly stored.</summary>
    public async Task<int> QueueAsync(string tenantId, CustomerSnapshot customer, IReadOnlyList<CustomerContact> audience, IReadOnlyList<Notice> notices)
    {
        if (notices.Count == 0 || audience.Count == 0) return 0;
        var company = await grains.GetGrain<Companies.ICompanyGrain>(tenantId).GetAsync();
        var settings = await grains.GetGrain<IDispatchGrain>(tenantId).GetSettingsAsync();
        var templates = grains.GetGrain<INotificationTemplatesGrain>(tenantId);
        var now = clock.GetUtcNow();
        var queued = 0;

        foreach (var notice in notices)
        {
            foreach (var contact in audience)
            {
                var language = contact.Preferences.Language ?? options.Value.DefaultLanguage;
                var model = ModelFor(language, settings.TimeZone, company, customer, contact, options.Value.Portal());
                notice.Fill(model);

                foreach (var channel in Channels)
                {
                    if (AddressOf(contact, channel, customer) is not { } recipient) continue;
                    var resolved = await templates.ResolveAsync(notice.Trigger, channel, language);
                    if (resolved is not { Enabled: true }) continue;
                    var rendered = TemplateRenderer.Render(resolved.Template, model);
                    var message = new OutgoingMessage(
                        tenantId, $"{notice.Key}:{contact.ContactId}:{channel}", notice.Trigger, channel, recipient,
                        customer.CustomerId, contact.ContactId, notice.TicketId, language, rendered.Subject, rendered.Text, rendered.Html,
                        Urgent: TriggerRules.IsUrgent(notice.Trigger), Marketing: false, NotBefore: notice.NotBefore ?? now);
                    if (await outbox.EnqueueAsync(message, now) is not null) queued++;
                }
            }
        }

        if (queued > 0)
        {
            signal.Raise();
            LogQueued(queued, customer.CustomerId);
        }

        return queued;
    }

    /// <summary>What every message to a contact knows, whatever its trigger: the company, the customer, the contact, the portal.</summary>
    public static NotificationModel ModelFor(string language, string timeZone, Companies.CompanyInfo? company, CustomerSnapshot customer, CustomerContact contact, Uri portal) =>
        new NotificationModel(language, timeZone)
            .Company(company?.Name ?? "", company?.Phone)
            .Customer(customer.Name)
            .Contact(FirstName(contact.Name), contact.Name)
            .Link("links.portal", portal);

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} messages for customer {CustomerId}")]
    private partial void LogQueued(int count, string customerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Trigger} {Key} not sent: its customer no longer exists")]
    private partial void LogNobodyToTell(NotificationTrigger trigger, string key);
}
