using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansPortal.Grains;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage;
using OrleansPortal.Silo.Storage.Schema;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Dispatch.Recurring;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Technicians.History;
using OrleansPortal.Web.Support;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Dispatch;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Email;
using OrleansPortal.Web.Geocoding;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.LiveMap;
using OrleansPortal.Web.Notifications;
using OrleansPortal.Web.Payments;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Routing;
using OrleansPortal.Web.Technicians;
using OrleansPortal.Web.Tracking;

namespace OrleansPortal.Web.Hosting;

/// <summary>Everything the web host registers: the co-hosted silo with its storage, identity, the feature services, SignalR.</summary>
public static class OrleansPortalServices
{
    public static WebApplicationBuilder AddOrleansPortalServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = RequestBodyLimit.Describe);
        // Enums travel as their names ("Monday", "EnRoute"), never as numbers a client would have to know.
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // Numbers are numbers: the web defaults also read "12" as 12, which the OpenAPI document then describes as
            // "number or string", and the pages' typed client would have to treat every number as maybe text.
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        // A type serialized as one of its derived types without a discriminator (a GeoJSON feature says what it is in its
        // own "type") is described by its alternatives alone: the generator's default "$type" discriminator is never written.
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer((schema, _, _) =>
        {
            if (schema.Discriminator is { Mapping: null or { Count: 0 } }) schema.Discriminator = null;
            return Task.CompletedTask;
        }));
        // The hub's payloads follow the same rule (DispatchAlert.Kind reaches the board as "LateRisk", not 0).
        builder.Services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddRequestSecurity(builder.Configuration);
        builder.Services.AddPortalIdentity(builder.Configuration);
        builder.Services.AddEmail(builder.Configuration);
        builder.Services.AddCustomerPortal(builder.Configuration);
        builder.Services.AddDocuments(builder.Configuration);
        builder.Services.AddChat(builder.Configuration);
        builder.Services.AddNotifications(builder.Configuration);
        builder.Services.AddPayments(builder.Configuration);
        builder.Services.AddSupport(builder.Configuration);
        builder.Services.Configure<AdminOptions>(builder.Configuration.GetSection(AdminOptions.SectionName));
        builder.Services.Configure<MapSettings>(builder.Configuration.GetSection(MapSettings.SectionName));
        builder.Services.Configure<RecurringJobOptions>(builder.Configuration.GetSection(RecurringJobOptions.SectionName));
        builder.Services.AddSingleton<Onboarding>();
        builder.Services.AddSingleton<TechnicianDirectory>();
        builder.Services.AddSingleton<DeviceSetup>();
        builder.Services.AddSingleton<PingIngestion>();
        builder.Services.AddSingleton<DeviceBindingCache>();
        builder.Services.AddLocationPublishing(builder.Configuration.GetSection(LocationPublishingOptions.SectionName).Get<LocationPublishingOptions>());
        builder.Services.AddStreamFeed<LiveMapFeed>();
        builder.Services.AddStreamFeed<DispatchBoardFeed>();
        builder.Services.AddSingleton<Portal.Appointments.IAppointmentAudience, Portal.Appointments.PortalAppointmentAudience>();
        builder.Services.AddStreamFeed<Portal.Appointments.AppointmentFeed>();
        builder.Services.AddHostedService<StreamFeedsLifetime>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(DispatchOptions.SectionName).Get<DispatchOptions>() ?? new DispatchOptions());
        builder.Services.AddTravelTime(builder.Configuration, builder.Environment);
        builder.Services.AddGeocoding(builder.Configuration, builder.Environment);
        var storage = ResolveStorage(builder.Configuration, builder.Environment);
        builder.Services.AddPingHistory(o =>
        {
            o.Invariant = storage.Invariant;
            o.ConnectionString = storage.ConnectionString;
        });
        var database = new SiloDatabase(storage.Invariant, storage.ConnectionString);
        builder.Services.AddPortalTables(database); // the roster and our other tables; their schema module is applied with the silo's
        builder.Services.TryAddSingleton(DomainClock.System);
        var cluster = builder.Configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        builder.UseOrleans(silo => silo.UseOrleansPortalCluster(database, cluster));
        return builder;
    }

    /// <summary>A singleton feed, which <see cref="StreamFeedsLifetime"/> unsubscribes when the node stops.</summary>
    public static IServiceCollection AddStreamFeed<TFeed>(this IServiceCollection services) where TFeed : class, IStreamFeed =>
        services.AddSingleton<TFeed>().AddSingleton<IStreamFeed>(sp => sp.GetRequiredService<TFeed>());

    /// <summary>
    /// Applies the database schema now, before the host starts, so a wrong storage configuration fails with its own
    /// one-line exception instead of inside host start-up. Optional: the silo applies it at start otherwise.
    /// </summary>
    public static Task InitializeStorageAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<SchemaMigrator>().ApplyAsync(cancellationToken);

    /// <summary>Turns the "Storage" section into an ADO.NET invariant and connection string, or one clear error.</summary>
    internal static (string Invariant, string ConnectionString) ResolveStorage(IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(StorageSettings.SectionName).Get<StorageSettings>() ?? new StorageSettings();
        switch (settings.Provider.ToLowerInvariant())
        {
            case "sqlite":
                var connection = settings.ConnectionString ?? DefaultSqliteConnection(environment);
                EnsureDirectoryFor(connection);
                return (AdoNetInvariants.Sqlite, connection);
            case "postgresql" or "postgres":
                var pg = settings.ConnectionString ?? configuration.GetConnectionString("PostgreSql")
                    ?? throw new StorageConfigurationException("Storage provider PostgreSql needs a connection string: set Storage__ConnectionString (or ConnectionStrings__PostgreSql).");
                return (AdoNetInvariants.PostgreSql, pg);
            default:
                throw new StorageConfigurationException($"Unknown storage provider '{settings.Provider}': use Sqlite (the default) or PostgreSql.");
        }
    }

    // Under the app's content root, wherever it was started from: src/Web/data with `dotnet run`, /app/data in the image.
    private static string DefaultSqliteConnection(IHostEnvironment environment) =>
        $"Data Source={Path.Combine(environment.ContentRootPath, "data", "orleansportal.db")}";

    private static void EnsureDirectoryFor(string sqliteConnection)
    {
        var file = new SqliteConnectionStringBuilder(sqliteConnection).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}
