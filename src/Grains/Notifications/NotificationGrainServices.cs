using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains.Notifications.CustomerMessages;
using OrleansPortal.Grains.Notifications.Documents;
using OrleansPortal.Grains.Notifications.Visits;
using OrleansPortal.Grains.Notifications.WebPush;

namespace OrleansPortal.Grains.Notifications;

public static class NotificationGrainServices
{
    /// <summary>
    /// What the visit and estimate grains compose messages with. Every silo needs it: the visit grains subscribe implicitly to every
    /// ticket's ETA stream, and a grain that cannot be activated would hold that stream back for its other subscribers.
    /// </summary>
    public static IServiceCollection AddVisitNotifications(this IServiceCollection services)
    {
        services.AddSingleton<TechnicianJobPush>();
        services.AddSingleton<CustomerMessageWriter>();
        services.AddSingleton<VisitMessageComposer>();
        services.AddSingleton<EstimateReadyNotice>();
        services.AddSingleton<InvoiceNotices>();
        return services;
    }
}
