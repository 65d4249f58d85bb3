using OrleansPortal.Web.Email.Inbound;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.WebPush;
using OrleansPortal.Grains.Notifications.Visits;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Notifications.Composer;
using OrleansPortal.Web.Notifications.Email;
using OrleansPortal.Web.Notifications.InApp;
using OrleansPortal.Web.Notifications.Outbox;
using OrleansPortal.Web.Notifications.WebPush;
using OrleansPortal.Web.Notifications.Sms;
using OrleansPortal.Web.Notifications.Templates;
using OrleansPortal.Web.Notifications.TrackingLinks;
using OrleansPortal.Web.Notifications.Timeline;
using OrleansPortal.Web.Notifications.Unsubscribe;

namespace OrleansPortal.Web.Notifications;

public static class NotificationServices
{
    /// <summary>The communication engine: what composes visit messages (in the silo), the outbox sender, its channels and the centre's feed.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName))
            .Validate(o => o.Lease >= o.SendTimeout + OutboxDispatcher.LeaseMargin + o.SendTimeout,
                $"{OutboxOptions.SectionName}:Lease must be at least twice SendTimeout plus {OutboxDispatcher.LeaseMargin.TotalSeconds:0} s: a claim must outlast the wait in this node's queue and the send")
            .Validate(o => o.BatchSize >= 2 && o.Concurrency >= 1 && o.MaxAttempts >= 1, $"{OutboxOptions.SectionName}: BatchSize of 2 or more, Concurrency and MaxAttempts of 1 or more")
            .ValidateOnStart();
        services.Configure<NotificationLinkOptions>(o =>
        {
            // Links point where the portal is published, unless the notifications section says otherwise.
            if (configuration["Portal:PublicBaseUrl"] is { Length: > 0 } portal) o.PublicBaseUrl = portal;
            configuration.GetSection("Notifications").Bind(o);
        });
        services.AddVisitNotifications();
        services.AddSingleton<CustomerMessageComposer>();
        services.AddSingleton<DeliveryRules>();
        services.AddSingleton<IMessageChannel, EmailChannel>();
        services.AddSingleton<IInboundMailbox, EmailBounces>();
        services.AddSingleton<IMessageChannel, InAppChannel>();
        services.AddSingleton<IMessageChannel, SmsChannel>();
        services.AddSms(configuration);
        services.AddWebPush(configuration);
        services.AddTrackingLinks();
        services.AddUnsubscribe();
        services.AddHostedService<OutboxDispatcher>();
        services.AddStreamFeed<NotificationCentreFeed>();
        return services;
    }

    /// <summary>The notification APIs and hubs: the portal's bell, the team's timelines and templates, Twilio's webhooks, tracking links, unsubscribe links, the phones' push subscriptions.</summary>
    public static void MapNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortalNotificationsApi();
        endpoints.MapCommunicationsApi();
        endpoints.MapCustomerMessagesApi();
        endpoints.MapNotificationTemplatesApi();
        endpoints.MapSmsWebhooksApi();
        endpoints.MapTrackingLinksApi();
        endpoints.MapUnsubscribeApi();
        endpoints.MapPushSubscriptionsApi();
        endpoints.MapHub<NotificationCentreHub>(NotificationCentreHub.Path);
        endpoints.MapHub<TrackingHub>(TrackingHub.Path).RequireRateLimiting(TrackingLinksApi.RateLimit);
    }
}
