using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Portal.Jobs;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Portal;

/// <summary>
/// Everyone the endpoint matrix calls as: customer A's owner (whose data is at stake), B (another customer of the same
/// company), a customer of another company, A's property manager (granted only A's Office, not A's Home) and the
/// company's dispatcher. A has a full set of things at each site, so every route has a real id to be called with.
/// </summary>
public sealed class PortalMatrixWorld
{
    public const string CustomerName = "Smith household";
    public const string OwnServiceName = "Acme lawn check";

    private PortalMatrixWorld(PortalFactory app) => App = app;

    public PortalFactory App { get; }

    public HttpClient Owner { get; private set; } = null!;

    public string OwnerEmail { get; private set; } = "";

    public string CustomerId { get; private set; } = "";

    /// <summary>A's site the property manager is not granted: every refusal is about things here.</summary>
    public SiteIds Home { get; private set; } = null!;

    /// <summary>A's site granted to the property manager: their positive control.</summary>
    public SiteIds Office { get; private set; } = null!;

    public HttpClient Neighbour { get; private set; } = null!;

    public HttpClient Foreigner { get; private set; } = null!;

    public HttpClient Manager { get; private set; } = null!;

    public HttpClient Dispatcher { get; private set; } = null!;

    public static async Task<PortalMatrixWorld> CreateAsync(PortalFactory app)
    {
        var world = new PortalMatrixWorld(app);
        var day = await DispatchScenario.CreateAsync(app, autoAssign: false);
        var rules = BookingRules.Default with { Services = [new BookableService(OwnServiceName, [], 60)] };
        (await day.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/booking-rules", rules)).EnsureSuccessStatusCode();
        var technicianId = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], DispatchScenario.Ribeira);
        var device = DocumentScenario.DeviceClient(app, (await day.Company.IssueTokenAsync(technicianId)).Token);

        var customer = await CustomerScenario.CreateAsync(day.Company, CustomerName, "Commercial");
        var home = await customer.AddPropertyAsync("Home");
        var office = await customer.AddPropertyAsync("Office");
        world.OwnerEmail = DocumentScenario.UniqueEmail();
        world.Owner = await customer.SignInAsync((await customer.AddContactAsync(world.OwnerEmail, "Owner")).Id);
        world.Manager = await customer.SignInAsync((await customer.AddContactAsync(DocumentScenario.UniqueEmail(), "PropertyManager", office.Id)).Id);
        world.CustomerId = customer.Id;
        world.Dispatcher = day.Dispatcher;

        var offers = (await PortalJobsScenario.WindowsAsync(world.Owner, home.Id, days: 7))
            .Where(o => o.Available && o.Start > DateTimeOffset.UtcNow.AddHours(30)) // past the change cut-off, so A may still move them
            .ToArray();
        var site = new SiteBuilder(world, day, customer, technicianId, device);
        world.Home = await site.BuildAsync(home.Id, offers[0..3]);
        world.Office = await site.BuildAsync(office.Id, offers[3..6]);
        var notification = await FirstNotificationAsync(world.Owner);
        var article = await HelpArticleAsync(day.Dispatcher);
        (world.Home, world.Office) = (world.Home with { NotificationId = notification, HelpArticleId = article }, world.Office with { NotificationId = notification, HelpArticleId = article });

        var (_, _, neighbour) = await PortalJobsScenario.AddCustomerAsync(day, "Jones household");
        world.Neighbour = neighbour;
        var other = await DispatchScenario.CreateAsync(app, autoAssign: false, name: "Bolt HVAC");
        var (_, _, foreigner) = await PortalJobsScenario.AddCustomerAsync(other, "Bolt customer");
        world.Foreigner = foreigner;
        return world;
    }

    /// <summary>A help center article of A's company, published, named like its bookable service (the catalogue's mark).</summary>
    private static async Task<string> HelpArticleAsync(HttpClient dispatcher)
    {
        var category = await dispatcher.PostAsJsonAsync("/api/v1/support/help/categories", new { names = new[] { new { language = "en", name = "Garden" } } });
        var categoryId = (await category.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<OrleansPortal.Web.Support.HelpCenter.HelpCategoryDto>(ApiJson.Options))!.CategoryId;
        var created = await dispatcher.PostAsJsonAsync("/api/v1/support/help/articles", new { categoryId, language = "en", title = OwnServiceName, body = "What the lawn check covers." });
        var articleId = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<OrleansPortal.Web.Support.HelpCenter.HelpArticleDto>(ApiJson.Options))!.ArticleId;
        (await dispatcher.PostAsync($"/api/v1/support/help/articles/{articleId}/en/publish", null)).EnsureSuccessStatusCode();
        return articleId;
    }

    /// <summary>The oldest of A's notifications (its jobs' messages reach the bell a moment after the jobs change).</summary>
    private static async Task<string> FirstNotificationAsync(HttpClient owner)
    {
        string? id = null;
        await Eventually.TrueAsync(async () =>
        {
            var list = (await owner.GetFromJsonAsync<OrleansPortal.Web.Notifications.InApp.PortalNotificationsDto>("/api/v1/portal/notifications/", ApiJson.Options))!;
            id = list.Items.LastOrDefault()?.Id;
            return id is not null;
        }, "A's notification centre has a notification");
        return id!;
    }

    /// <summary>Makes one site's things: a worked job with a photo and a chat image, jobs that can still be moved, documents.</summary>
    private sealed class SiteBuilder(PortalMatrixWorld world, DispatchScenario day, CustomerScenario customer, string technicianId, HttpClient device)
    {
        public async Task<SiteIds> BuildAsync(string propertyId, WindowOffer[] offers)
        {
            var worked = await customer.AddJobAsync(propertyId, "Sprinklers replaced");
            (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{worked}/status", new { status = "Assigned", technicianId })).EnsureSuccessStatusCode();
            await WorkAsync(worked);
            var report = (await world.Owner.GetFromJsonAsync<JobReportDto>($"/api/v1/portal/reports/{worked}", ApiJson.Options))!;
            var posted = await world.Owner.PostAsync($"{ChatMessageMapping.PortalBase}/{ChatScenario.Job(worked)}/messages",
                ChatScenario.Form("Here is the leak", ("leak.png", ChatScenario.Png(), "image/png")));
            posted.EnsureSuccessStatusCode();
            var message = (await posted.Content.ReadFromJsonAsync<ChatMessageDto>(ApiJson.Options))!;

            return new SiteIds(
                propertyId, worked, report.Photos.Single().Id, message.Id, message.Attachments.Single().Id,
                CancelJobId: await BookAsync(propertyId, offers[0]), RescheduleJobId: await BookAsync(propertyId, offers[1]), RescheduleTo: offers[2].Start,
                EstimateId: await EstimateAsync(propertyId), ApproveEstimateId: await EstimateAsync(propertyId), DeclineEstimateId: await EstimateAsync(propertyId),
                InvoiceId: await InvoiceAsync(propertyId)) is var ids ? ids with { PaymentId = await PaidPartlyAsync(ids.InvoiceId), CaseId = await CaseAsync(propertyId) } : null!;
        }

        /// <summary>A support case A's owner opened about the site.</summary>
        private async Task<string> CaseAsync(string propertyId)
        {
            var opened = await world.Owner.PostAsJsonAsync("/api/v1/portal/cases", new { subject = "Water in the valve box", description = "It is flooded.", propertyId });
            opened.EnsureSuccessStatusCode();
            return (await opened.Content.ReadFromJsonAsync<OrleansPortal.Web.Support.Cases.CaseDto>(ApiJson.Options))!.Id;
        }

        /// <summary>
        /// A card payment of part of the invoice, recorded as the webhook records one (the matrix world has no Stripe): it
        /// gives A a payment with a receipt, while the invoice still has something due to pay.
        /// </summary>
        private async Task<string> PaidPartlyAsync(string invoiceId)
        {
            var paymentId = "pi_" + Guid.NewGuid().ToString("N");
            var now = DateTimeOffset.UtcNow;
            var records = world.App.Services.GetRequiredService<IPaymentRecords>();
            await records.RecordAsync(new PaymentRecord(day.Company.TenantId, paymentId, customer.Id, [invoiceId], 3000, "EUR", "card", PaymentStatus.Succeeded, null, now, now));
            await world.App.Services.GetRequiredService<IClusterClient>().GetGrain<IInvoiceGrain>(TenantKeys.For(day.Company.TenantId, invoiceId))
                .RecordPaymentAsync(new MoneyMovement(3000, "EUR", paymentId, "stripe", now));
            return paymentId;
        }

        private async Task WorkAsync(string ticketId)
        {
            var site = DocumentScenario.Site;
            (await device.PostAsJsonAsync($"/api/v1/device/jobs/{ticketId}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();
            (await device.PostAsJsonAsync("/api/v1/device/check-in", new { ticketId, latitude = site.Latitude, longitude = site.Longitude })).EnsureSuccessStatusCode();
            (await DocumentScenario.PostPhotoAsync(device, $"/api/v1/device/jobs/{ticketId}/photos", DocumentScenario.Png)).EnsureSuccessStatusCode();
            (await device.PostAsJsonAsync($"/api/v1/device/jobs/{ticketId}/status", new { status = "Completed" })).EnsureSuccessStatusCode();
        }

        private async Task<string> BookAsync(string propertyId, WindowOffer offer)
        {
            var response = await world.Owner.PostAsJsonAsync("/api/v1/portal/service-requests", new { propertyId, description = "Check the valves", windowStart = offer.Start });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<PortalJobDto>(ApiJson.Options))!.Id;
        }

        private async Task<string> EstimateAsync(string propertyId)
        {
            var response = await day.Dispatcher.PostAsJsonAsync("/api/v1/estimates", new
            {
                customerId = customer.Id,
                propertyId,
                title = "New controller",
                currency = "EUR",
                validUntil = DateTimeOffset.UtcNow.AddDays(30),
                lines = new[] { new { description = "Controller", quantity = 1m, unitAmount = 24990L } },
            });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<EstimateDto>(ApiJson.Options))!.Id;
        }

        private async Task<string> InvoiceAsync(string propertyId)
        {
            var response = await day.Dispatcher.PostAsJsonAsync("/api/v1/invoices", new
            {
                customerId = customer.Id,
                propertyId,
                title = "Spring start-up",
                currency = "EUR",
                dueDate = "2026-12-31",
                lines = new[] { new { description = "Start-up visit", quantity = 1m, unitAmount = 8000L } },
            });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<InvoiceDto>(ApiJson.Options))!.Id;
        }
    }
}

/// <summary>The ids of everything customer A has at one site; each changing call gets a thing of its own to change.</summary>
public sealed record SiteIds(
    string PropertyId, string WorkedJobId, string PhotoId, string MessageId, string AttachmentId,
    string CancelJobId, string RescheduleJobId, DateTimeOffset RescheduleTo,
    string EstimateId, string ApproveEstimateId, string DeclineEstimateId, string InvoiceId, string NotificationId = "", string PaymentId = "", string CaseId = "",
    string HelpArticleId = "")
{
    public string JobThread => ChatScenario.Job(WorkedJobId);
}
