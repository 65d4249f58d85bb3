using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.OptOuts;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Notifications.Sms;

namespace OrleansPortal.Web.Notifications.Outbox;

/// <summary>
/// The contact's rules, applied when a message is about to go rather than when it was queued: a reminder queued a day
/// ahead obeys the preference the contact set this morning. In order: the contact and the address must still exist;
/// an email address must not have bounced as unknown; marketing needs an opt-in and an address that has not unsubscribed; the channel's preference for the trigger's category; quiet hours (SMS and push only:
/// an email does not ring) hold what is not urgent; the daily cap stops what is not urgent.
/// </summary>
public sealed class DeliveryRules(IClusterClient grains, INotificationOutbox outbox, IOptOutStore optOuts, ISmsSender sms, IOptions<OutboxOptions> options)
{
    public async Task<DeliveryDecision> DecideAsync(OutboxMessage stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var message = stored.Message;
        // A STOP outranks everything, the team's own messages included: the carrier would refuse it anyway.
        if (message.Channel == NotificationChannel.Sms && sms.SenderId is { } sender && await optOuts.IsOptedOutAsync(NotificationChannel.Sms, message.Recipient, sender, cancellationToken))
            return new DeliveryDecision.Suppress("opted out by STOP");
        if (message.Channel == NotificationChannel.InApp || message.CustomerId is null || message.ContactId is null)
            return message.Marketing ? new DeliveryDecision.Suppress("marketing goes only to a contact who opted in") : DeliveryDecision.Send;

        CustomerContact contact;
        try
        {
            contact = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(message.TenantId, message.CustomerId)).GetContactAsync(message.ContactId);
        }
        catch (NotFoundException)
        {
            return new DeliveryDecision.Suppress("the contact was removed");
        }

        // The address the message was queued for must still be the contact's: a reminder never goes to a number the customer replaced.
        if (!NotificationAddresses.Reaches(contact, message.Channel, message.Recipient)) return new DeliveryDecision.Suppress("the contact's address changed");
        // An address a delivery report called unknown gets no more mail from the company, the team's own included.
        if (message.Channel == NotificationChannel.Email && await optOuts.IsOptedOutAsync(NotificationChannel.Email, message.Recipient, BouncedAddresses.Sender(message.TenantId), cancellationToken))
            return new DeliveryDecision.Suppress("the address bounced as unknown");
        var channel = message.Channel switch
        {
            NotificationChannel.Email => contact.Preferences.Email,
            NotificationChannel.Sms => contact.Preferences.Sms,
            _ => null,
        };
        if (message.Marketing)
        {
            // The address's own word first: an unsubscribe link covers the address whichever contact it belongs to now.
            if (await optOuts.IsOptedOutAsync(message.Channel, message.Recipient, MarketingOptOuts.Sender(message.TenantId), cancellationToken))
                return new DeliveryDecision.Suppress("unsubscribed from marketing");
            if (channel is not { Marketing: true }) return new DeliveryDecision.Suppress("no opt-in to marketing");
        }

        if (channel is not null && message.Trigger != NotificationTrigger.Message && !TriggerRules.Allows(channel, message.Trigger))
            return new DeliveryDecision.Suppress("the contact's preferences");

        if (message.Urgent) return DeliveryDecision.Send;
        if (message.Channel is NotificationChannel.Sms or NotificationChannel.Push && contact.Preferences.QuietHours is { } quiet && quiet.Contains(now))
            return new DeliveryDecision.Hold(quiet.EndAfter(now), "quiet hours");

        var sentToday = await outbox.CountSentSinceAsync(message.TenantId, message.Recipient, now.AddDays(-1), cancellationToken);
        return sentToday >= options.Value.DailyCapPerRecipient
            ? new DeliveryDecision.Suppress($"daily cap ({options.Value.DailyCapPerRecipient} messages in 24 h)")
            : DeliveryDecision.Send;
    }
}
