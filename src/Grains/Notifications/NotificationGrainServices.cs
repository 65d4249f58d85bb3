using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansPortal.Grains.Notifications.CustomerMessages;
using OrleansPortal.Grains.Notifications.Documents;
using OrleansPortal.Grains.Notifications.Visits;
using OrleansPortal.Grains.Notifications.WebPush;
using OrleansPortal.Grains.Payments.Autopay;
using OrleansPortal.Grains.Payments.Dunning;

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
        services.AddSingleton<Support.CaseNotices>();
        services.AddSingleton<OrleansPortal.Grains.Support.Feedback.SurveyIssuer>();
        services.AddSingleton<InvoiceNotices>();
        // The invoice grain's autopay and its failures: nothing charged unless payments (the web side) register Stripe's;
        // a failed charge opens a dunning case (retries on the company's schedule, a reminder after each).
        services.TryAddSingleton<IInvoiceAutopay, NoInvoiceAutopay>();
        services.TryAddSingleton<IAutopayFailures, AutopayDunning>();
        return services;
    }
}
