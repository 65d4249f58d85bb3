using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.OptOuts;
using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Web.Notifications.Unsubscribe;

/// <summary>
/// What an unsubscribe link does: the address's opt-out of the company's marketing, recorded in the opt-out history
/// (source "link") that <see cref="Outbox.DeliveryRules"/> reads before every marketing message, and the contact's own
/// marketing switch for the channel, so the portal shows what they chose. Both are idempotent: asking twice records
/// one change.
/// </summary>
public sealed partial class Unsubscriptions(IClusterClient grains, IOptOutStore optOuts, DomainClock clock, IOptions<NotificationLinkOptions> options, ILogger<Unsubscriptions> logger)
{
    /// <summary>What the page shows about the link: whose marketing, to which address, and whether it still goes.</summary>
    public async Task<UnsubscribeDto> DescribeAsync(UnsubscribeGrant grant, CancellationToken cancellationToken)
    {
        var company = await grains.GetGrain<ICompanyGrain>(grant.TenantId).GetAsync();
        var (optedOut, contact) = await StateAsync(grant, cancellationToken);
        var language = contact?.Preferences.Language is { } chosen && TemplateLanguage.IsSupported(chosen) ? chosen : options.Value.DefaultLanguage;
        return new UnsubscribeDto(company?.Name ?? "", grant.Channel.ToString(), grant.Address, Subscribed(optedOut, contact, grant), language);
    }

    /// <summary>Unsubscribes (<paramref name="subscribed"/> false) or subscribes again; then what the page shows.</summary>
    public async Task<UnsubscribeDto> SetAsync(UnsubscribeGrant grant, bool subscribed, CancellationToken cancellationToken)
    {
        var (optedOut, contact) = await StateAsync(grant, cancellationToken);
        // Subscribing again also undoes a marketing switch turned off elsewhere: the person holding the link asked for it.
        var switchOn = contact is not null && MarketingOf(contact, grant.Channel);
        if (subscribed ? optedOut || contact is not null && !switchOn : !optedOut)
        {
            await optOuts.RecordAsync(new OptOutChange(grant.Channel, grant.Address, MarketingOptOuts.Sender(grant.TenantId), !subscribed, clock.GetUtcNow(), OptOutSources.Link), cancellationToken);
            LogChanged(logger, subscribed ? "subscribed again" : "unsubscribed", grant.Channel.ToString(), grant.TenantId, grant.CustomerId, grant.ContactId);
        }

        if (contact is not null && switchOn != subscribed)
            await grains.GetGrain<ICustomerGrain>(TenantKeys.For(grant.TenantId, grant.CustomerId)).SetMarketingAsync(grant.ContactId, grant.Channel, subscribed);
        return await DescribeAsync(grant, cancellationToken);
    }

    /// <summary>The address's latest word, and the contact if the address is still theirs (a contact removed or readdressed is left alone).</summary>
    private async Task<(bool OptedOut, CustomerContact? Contact)> StateAsync(UnsubscribeGrant grant, CancellationToken cancellationToken)
    {
        var optedOut = await optOuts.IsOptedOutAsync(grant.Channel, grant.Address, MarketingOptOuts.Sender(grant.TenantId), cancellationToken);
        try
        {
            var contact = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(grant.TenantId, grant.CustomerId)).GetContactAsync(grant.ContactId);
            return (optedOut, NotificationAddresses.Reaches(contact, grant.Channel, grant.Address) ? contact : null);
        }
        catch (NotFoundException)
        {
            return (optedOut, null);
        }
    }

    private static bool Subscribed(bool optedOut, CustomerContact? contact, UnsubscribeGrant grant) =>
        !optedOut && (contact is null || MarketingOf(contact, grant.Channel));

    private static bool MarketingOf(CustomerContact contact, NotificationChannel channel) => channel switch
    {
        NotificationChannel.Email => contact.Preferences.Email.Marketing,
        NotificationChannel.Sms => contact.Preferences.Sms.Marketing,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "A contact {Change} to marketing by {Channel} through an unsubscribe link (tenant {TenantId}, customer {CustomerId}, contact {ContactId})")]
    private static partial void LogChanged(ILogger logger, string change, string channel, string tenantId, string customerId, string contactId);
}
