using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Grains.Support.HelpCenter;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Dispatch.Recurring;
using OrleansPortal.Grains.Notifications.OptOuts;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Payments.Events;
using OrleansPortal.Grains.Payments.Ledger;
using OrleansPortal.Grains.Payments.Plans;
using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Grains.Payments.Reports;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage.Schema;

namespace OrleansPortal.Grains.Storage;

public static class PortalStorageServiceCollectionExtensions
{
    /// <summary>The schema module of the app's own tables: scripts embedded from <c>Storage/Schema/</c>, versioned apart from Orleans' own.</summary>
    public const string SchemaModuleName = "portal";

    /// <summary>The module <see cref="SchemaMigrator"/> applies after Orleans' own, for <paramref name="database"/>'s kind.</summary>
    public static SchemaModule SchemaModuleFor(SiloDatabase database) =>
        SchemaModule.FromEmbeddedScripts(SchemaModuleName, typeof(PortalDatabase).Assembly, database);

    /// <summary>
    /// Registers the app's own tables on <paramref name="database"/> (the cluster's database): their schema module, which
    /// the silo's migrator applies at start, and the stores the grains and the web edge use.
    /// </summary>
    public static IServiceCollection AddPortalTables(this IServiceCollection services, SiloDatabase database)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(SchemaModuleFor(database));
        services.AddSingleton(_ => new PortalDatabase(database));
        services.AddSingleton<ITechnicianRoster, TechnicianRoster>();
        services.AddSingleton<IConversationInbox, ConversationInbox>();
        services.AddSingleton<ISupportCaseIndex, SupportCaseIndex>();
        services.AddSingleton<IHelpArticleIndex, HelpArticleIndex>();
        services.AddSingleton<IHelpSearch, HelpSearch>();
        services.AddSingleton<HelpDeflections>();
        services.AddSingleton<OrleansPortal.Grains.Support.Feedback.IFeedbackIndex, OrleansPortal.Grains.Support.Feedback.FeedbackIndex>();
        services.AddSingleton<IRecurringJobIndex, RecurringJobIndex>();
        services.AddSingleton<ICustomerDirectory, CustomerDirectory>();
        services.AddSingleton<INotificationOutbox, NotificationOutbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOptOutStore, OptOutStore>();
        services.AddSingleton<IMoneyLedger, MoneyLedger>();
        services.AddSingleton<IPaymentRecords, PaymentRecords>();
        services.AddSingleton<IPaymentEventLog, PaymentEventLog>();
        services.AddSingleton<IPlanSubscriptionIndex, PlanSubscriptionIndex>();
        services.AddSingleton<IMoneyReports, MoneyReports>();
        services.AddSingleton<IMoneyForecasts, MoneyForecasts>();
        services.AddSingleton<IInvoiceLabels, InvoiceLabels>();
        return services;
    }
}
