using OrleansPortal.Grains;
using OrleansPortal.Silo.Storage;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Calendars;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Demo;
using OrleansPortal.Web.Dispatch;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Geocoding;
using OrleansPortal.Web.Health;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.LiveMap;
using OrleansPortal.Web.Notifications;
using OrleansPortal.Web.Notifications.TrackingLinks;
using OrleansPortal.Web.Payments;
using OrleansPortal.Web.Payments.Money;
using OrleansPortal.Web.RecurringJobs;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Portal.Appointments;
using OrleansPortal.Web.Portal.Jobs;
using OrleansPortal.Web.Properties;
using OrleansPortal.Web.Support;
using OrleansPortal.Web.Technicians;
using OrleansPortal.Web.Tickets;
using OrleansPortal.Web.Tracking;

try
{
    var demo = args.Contains(DemoServices.Switch);
    var builder = WebApplication.CreateBuilder(args.Where(a => a != DemoServices.Switch).ToArray());
    builder.AddOrleansPortalServices();
    if (demo || builder.Configuration.GetValue<bool>(DemoServices.EnabledSetting)) builder.AddDemo();

    var app = builder.Build();
    await app.Services.InitializeStorageAsync(); // the schema now, so a wrong configuration fails with one clear line

    app.UseRequestSecurity(); // proxy headers, security headers, the cross-site guard: before anything answers
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UsePortalLinkLanding();
    app.UseTrackingPage();
    app.UseDefaultFiles(); // a folder URL such as "/dispatch/" serves its index.html
    app.UseStaticFiles();
    app.UseCors(); // the website widget's endpoints only (WidgetCorsPolicyProvider); nothing else answers other origins
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();

    app.MapOpenApi();
    // JSON bodies of every API at most 64 KB; uploads say how much more they take. Position ingestion keeps the
    // server's limit and reads at most 1 MiB itself (RequestBody).
    var api = app.MapGroup("").WithRequestBodyLimit(InputLimits.JsonBodyBytes);
    api.MapHealthApi();
    api.MapMapSettingsApi();
    api.MapAuthApi();
    api.MapAdminApi();
    api.MapDispatchersApi();
    api.MapTechniciansApi();
    api.MapTicketsApi();
    api.MapDispatchApi();
    api.MapRecurringJobsApi();
    api.MapDeviceJobsApi();
    api.MapDeviceReportApi();
    api.MapCustomersApi();
    api.MapPropertiesApi();
    api.MapGeocodingApi();
    api.MapPortalSignInApi();
    api.MapPortalApi();
    api.MapPortalJobsApi();
    api.MapDocumentsApi();
    api.MapPortalDocumentsApi();
    api.MapProgressBillingApi();
    api.MapPayments();
    api.MapChat();
    api.MapNotifications();
    api.MapCalendarFeedsApi();
    api.MapMoneyApi();
    api.MapSupport();
    app.MapIngestionApi();
    app.MapHub<LiveMapHub>(LiveMapHub.Path, LiveMapHub.ConfigureConnection);
    app.MapHub<AppointmentHub>(AppointmentHub.Path);
    app.MapBenchmarkBaselineApi(app.Configuration);

    await app.RunAsync();
    return 0;
}
catch (StorageConfigurationException ex)
{
    Console.Error.WriteLine($"OrleansPortal cannot start: {ex.Message}");
    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
