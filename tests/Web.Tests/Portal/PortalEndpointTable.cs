using System.Net.Http.Json;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Portal;

/// <summary>How the portal's endpoints guard customer A's data, and so which checks the matrix makes of each.</summary>
public enum Guard
{
    /// <summary>Sign-in and sign-out: open to anyone by design; not checked here (see MagicLinkTests).</summary>
    Anonymous,

    /// <summary>Names one of A's things (in the route, query or body): only A, and a property manager granted its site, get a 2xx.</summary>
    ById,

    /// <summary>Lists the caller's own things: nobody else's list shows A's ids.</summary>
    OwnList,

    /// <summary>The caller's own contact (profile, preferences): nobody else reads or changes A's.</summary>
    OwnContact,

    /// <summary>The company's booking catalogue: no customer's data, but never another company's.</summary>
    CompanyCatalog,

    /// <summary>
    /// Money the customer's payers handle (paying invoices, plans, the payment history): nobody else acts on A's (no
    /// 2xx for a change, A's documents unchanged) or reads A's ids, and a property manager, even of the site, pays nothing.
    /// </summary>
    Payer,

    /// <summary>
    /// The caller acts on their company's published content (a help center article that answered them): another
    /// company's customer finds no such thing (404), and A's customers' data is not involved.
    /// </summary>
    CompanyContent,

    /// <summary>
    /// How the caller's own company stands as a whole (whether its team is online for chat): nobody's data, no ids;
    /// strangers are refused, and each customer reads their own company's.
    /// </summary>
    CompanyStatus,
}

/// <param name="Key">"METHOD pattern", as the app's routing metadata names the endpoint.</param>
/// <param name="Request">The call, with the ids of one of A's sites.</param>
/// <param name="StateOfA">For changing calls: what A sees of the thing the call would change, read before and after the others' attempts.</param>
/// <param name="Listed">For lists: the ids of a site that whoever may see the site finds in the answer.</param>
public sealed record EndpointCase(
    string Key, Guard Guard, Func<SiteIds, HttpRequestMessage> Request,
    Func<PortalMatrixWorld, SiteIds, Task<string>>? StateOfA = null, Func<SiteIds, string[]>? Listed = null)
{
    public override string ToString() => Key;
}

/// <summary>
/// Every endpoint under /api/v1/portal, with how to call it as customer A. A new endpoint without a row here fails
/// <see cref="PortalEndpointMatrixTests.TheTable_ListsEveryPortalEndpoint"/>.
/// </summary>
public static class PortalEndpointTable
{
    private const string Portal = "/api/v1/portal";
    private const string Chat = ChatMessageMapping.PortalBase;

    public static readonly IReadOnlyList<EndpointCase> All =
    [
        // Sign-in: anonymous by design.
        new("POST /api/v1/portal/magic-links", Guard.Anonymous, _ => Post($"{Portal}/magic-links", new { email = "someone@example.com" })),
        new("POST /api/v1/portal/session", Guard.Anonymous, _ => Post($"{Portal}/session", new { token = "x" })),
        new("DELETE /api/v1/portal/session", Guard.Anonymous, _ => new HttpRequestMessage(HttpMethod.Delete, $"{Portal}/session")),

        // The contact's own profile and preferences.
        new("GET /api/v1/portal/me", Guard.OwnContact, _ => Get($"{Portal}/me"), StateOfA: (w, _) => w.Owner.GetStringAsync($"{Portal}/me")),
        new("GET /api/v1/portal/preferences", Guard.OwnContact, _ => Get($"{Portal}/preferences"), StateOfA: Preferences),
        new("PUT /api/v1/portal/preferences", Guard.OwnContact, _ => Send(HttpMethod.Put, $"{Portal}/preferences", new
        {
            email = new { appointments = false, onMyWay = false, marketing = true },
            sms = new { appointments = false, onMyWay = false, marketing = true },
            quietHours = new { start = "20:00", end = "09:00", timeZone = "Europe/Lisbon" },
        }), StateOfA: Preferences),

        // The contact's notification centre (the bell): whose it is comes from the session alone.
        new("GET /api/v1/portal/notifications/", Guard.OwnContact, _ => Get($"{Portal}/notifications/"), StateOfA: Notification),
        new("POST /api/v1/portal/notifications/{id}/read", Guard.OwnContact, s => Post($"{Portal}/notifications/{s.NotificationId}/read", new { }), StateOfA: Notification),
        new("POST /api/v1/portal/notifications/read", Guard.OwnContact, _ => Post($"{Portal}/notifications/read", new { }), StateOfA: Notification),

        // The contact's own appointments feed (.ics).
        new("GET /api/v1/portal/calendar-feed", Guard.OwnContact, _ => Get($"{Portal}/calendar-feed"), StateOfA: CalendarFeed),
        new("POST /api/v1/portal/calendar-feed", Guard.OwnContact, _ => Post($"{Portal}/calendar-feed", new { }), StateOfA: CalendarFeed),
        new("DELETE /api/v1/portal/calendar-feed", Guard.OwnContact, _ => new HttpRequestMessage(HttpMethod.Delete, $"{Portal}/calendar-feed"), StateOfA: CalendarFeed),

        // Properties and jobs.
        new("GET /api/v1/portal/properties", Guard.OwnList, _ => Get($"{Portal}/properties"), Listed: s => [s.PropertyId]),
        new("GET /api/v1/portal/properties/{id}", Guard.ById, s => Get($"{Portal}/properties/{s.PropertyId}")),
        new("GET /api/v1/portal/jobs", Guard.OwnList, _ => Get($"{Portal}/jobs"), Listed: s => [s.WorkedJobId, s.CancelJobId, s.RescheduleJobId]),
        new("GET /api/v1/portal/jobs/{id}", Guard.ById, s => Get($"{Portal}/jobs/{s.WorkedJobId}")),
        new("GET /api/v1/portal/booking/services", Guard.CompanyCatalog, _ => Get($"{Portal}/booking/services")),
        new("GET /api/v1/portal/booking/windows", Guard.ById, s => Get($"{Portal}/booking/windows?propertyId={s.PropertyId}&days=3")),
        new("POST /api/v1/portal/service-requests", Guard.ById,
            s => Post($"{Portal}/service-requests", new { propertyId = s.PropertyId, description = "Pipe burst", emergency = true }),
            StateOfA: (w, _) => w.Owner.GetStringAsync($"{Portal}/jobs")),
        new("GET /api/v1/portal/jobs/{id}/windows", Guard.ById, s => Get($"{Portal}/jobs/{s.RescheduleJobId}/windows?days=3")),
        new("POST /api/v1/portal/jobs/{id}/reschedule", Guard.ById,
            s => Post($"{Portal}/jobs/{s.RescheduleJobId}/reschedule", new { windowStart = s.RescheduleTo }),
            StateOfA: (w, s) => w.Owner.GetStringAsync($"{Portal}/jobs/{s.RescheduleJobId}")),
        new("POST /api/v1/portal/jobs/{id}/cancel", Guard.ById,
            s => Post($"{Portal}/jobs/{s.CancelJobId}/cancel", new { reason = "No longer needed" }),
            StateOfA: (w, s) => w.Owner.GetStringAsync($"{Portal}/jobs/{s.CancelJobId}")),
        new("POST /api/v1/portal/jobs/{id}/photos", Guard.ById,
            s => PostPhoto($"{Portal}/jobs/{s.RescheduleJobId}/photos"),
            StateOfA: (w, s) => w.Owner.GetStringAsync($"{Portal}/reports/{s.RescheduleJobId}")),

        // Documents.
        new("GET /api/v1/portal/documents", Guard.OwnList, _ => Get($"{Portal}/documents"), Listed: s => [s.WorkedJobId, s.EstimateId, s.InvoiceId]),
        new("GET /api/v1/portal/reports/{ticketId}", Guard.ById, s => Get($"{Portal}/reports/{s.WorkedJobId}")),
        new("GET /api/v1/portal/reports/{ticketId}/photos/{photoId}", Guard.ById, s => Get($"{Portal}/reports/{s.WorkedJobId}/photos/{s.PhotoId}")),
        new("GET /api/v1/portal/reports/{ticketId}/download", Guard.ById, s => Get($"{Portal}/reports/{s.WorkedJobId}/download")),
        new("GET /api/v1/portal/reports/{ticketId}/report.pdf", Guard.ById, s => Get($"{Portal}/reports/{s.WorkedJobId}/report.pdf")),
        new("GET /api/v1/portal/estimates/{id}", Guard.ById, s => Get($"{Portal}/estimates/{s.EstimateId}")),
        new("POST /api/v1/portal/estimates/{id}/approve", Guard.ById,
            s => Post($"{Portal}/estimates/{s.ApproveEstimateId}/approve", new { signedName = "Someone Signing" }),
            StateOfA: (w, s) => w.Owner.GetStringAsync($"{Portal}/estimates/{s.ApproveEstimateId}")),
        new("POST /api/v1/portal/estimates/{id}/decline", Guard.ById,
            s => Post($"{Portal}/estimates/{s.DeclineEstimateId}/decline", new { signedName = "Someone Signing" }),
            StateOfA: (w, s) => w.Owner.GetStringAsync($"{Portal}/estimates/{s.DeclineEstimateId}")),
        new("GET /api/v1/portal/invoices/{id}", Guard.ById, s => Get($"{Portal}/invoices/{s.InvoiceId}")),
        new("GET /api/v1/portal/invoices/{id}/money", Guard.ById, s => Get($"{Portal}/invoices/{s.InvoiceId}/money")),

        // Paying and plans: the payers' (owners and accounts payable). Without Stripe set up, A's own changes answer 409.
        new("GET /api/v1/portal/payments/", Guard.Payer, _ => Get($"{Portal}/payments/"), Listed: s => [s.InvoiceId, s.PropertyId]),
        new("POST /api/v1/portal/payments/checkout", Guard.Payer, s => Post($"{Portal}/payments/checkout", new { invoiceIds = new[] { s.InvoiceId } }),
            StateOfA: Documents, Listed: s => [s.InvoiceId]),
        new("GET /api/v1/portal/payments/{id}/receipt.pdf", Guard.Payer, s => Get($"{Portal}/payments/{s.PaymentId}/receipt.pdf"), Listed: s => [s.InvoiceId, s.PropertyId]),
        new("GET /api/v1/portal/plans/", Guard.Payer, _ => Get($"{Portal}/plans/"), Listed: s => [s.InvoiceId, s.PropertyId]),
        new("POST /api/v1/portal/plans/subscribe", Guard.Payer, s => Post($"{Portal}/plans/subscribe", new { planId = NoSuchId, propertyId = s.PropertyId }),
            StateOfA: Plans, Listed: s => [s.PropertyId]),
        new("POST /api/v1/portal/plans/{id}/checkout", Guard.Payer, _ => Post($"{Portal}/plans/{NoSuchId}/checkout", new { }), StateOfA: Plans, Listed: _ => []),
        new("POST /api/v1/portal/plans/{id}/cancel", Guard.Payer, _ => Post($"{Portal}/plans/{NoSuchId}/cancel", new { }), StateOfA: Plans, Listed: _ => []),
        new("POST /api/v1/portal/plans/{id}/keep", Guard.Payer, _ => Post($"{Portal}/plans/{NoSuchId}/keep", new { }), StateOfA: Plans, Listed: _ => []),
        new("POST /api/v1/portal/plans/{id}/pause", Guard.Payer, _ => Post($"{Portal}/plans/{NoSuchId}/pause", new { resumesAt = (string?)null }), StateOfA: Plans, Listed: _ => []),
        new("POST /api/v1/portal/plans/{id}/resume", Guard.Payer, _ => Post($"{Portal}/plans/{NoSuchId}/resume", new { }), StateOfA: Plans, Listed: _ => []),
        // Saved payment methods and autopay (AutopayTests checks them with Stripe set up: others' methods are 404 there).
        new("GET /api/v1/portal/payment-methods/", Guard.Payer, _ => Get($"{Portal}/payment-methods/"), Listed: s => [s.InvoiceId, s.PropertyId]),
        new("POST /api/v1/portal/payment-methods/setup", Guard.Payer, _ => Post($"{Portal}/payment-methods/setup", new { }), StateOfA: PaymentMethods, Listed: _ => []),
        new("DELETE /api/v1/portal/payment-methods/{id}", Guard.Payer, _ => new HttpRequestMessage(HttpMethod.Delete, $"{Portal}/payment-methods/pm_{NoSuchId}"),
            StateOfA: PaymentMethods, Listed: _ => []),
        new("PUT /api/v1/portal/payment-methods/default", Guard.Payer, _ => Send(HttpMethod.Put, $"{Portal}/payment-methods/default", new { paymentMethodId = $"pm_{NoSuchId}" }),
            StateOfA: PaymentMethods, Listed: _ => []),
        new("PUT /api/v1/portal/payment-methods/autopay", Guard.Payer, _ => Send(HttpMethod.Put, $"{Portal}/payment-methods/autopay", new { enabled = true }),
            StateOfA: PaymentMethods, Listed: _ => []),

        // Support cases: a case is about a site (a property manager sees those of their sites, and their own).
        new("GET /api/v1/portal/cases/", Guard.OwnList, _ => Get($"{Portal}/cases/"), Listed: s => [s.CaseId]),
        new("POST /api/v1/portal/cases/", Guard.ById,
            s => Post($"{Portal}/cases/", new { subject = "Another question", description = "About this site.", propertyId = s.PropertyId }),
            StateOfA: Cases),
        new("GET /api/v1/portal/cases/{caseId}", Guard.ById, s => Get($"{Portal}/cases/{s.CaseId}")),
        new("POST /api/v1/portal/cases/{caseId}/replies", Guard.ById, s => Post($"{Portal}/cases/{s.CaseId}/replies", new { text = "Any news?" }),
            StateOfA: (w, s) => w.Owner.GetStringAsync($"{Portal}/cases/{s.CaseId}")),

        // The help center: the company's published articles, suggested while a case is written; one that answered the caller.
        new("GET /api/v1/portal/help/suggestions", Guard.CompanyCatalog, _ => Get($"{Portal}/help/suggestions?q=lawn%20check&language=en")),
        new("POST /api/v1/portal/help/deflections", Guard.CompanyContent, s => Post($"{Portal}/help/deflections", new { articleId = s.HelpArticleId, language = "en" })),

        // Conversations: the job's thread (a site's; the general thread is the whole customer's, see ChatAuthorizationTests).
        new("GET /api/v1/portal/conversations/", Guard.OwnList, _ => Get($"{Chat}/"), Listed: s => [s.JobThread]),
        new("GET /api/v1/portal/conversations/availability", Guard.CompanyStatus, _ => Get($"{Chat}/availability")),
        new("GET /api/v1/portal/conversations/{threadId}/messages", Guard.ById, s => Get($"{Chat}/{s.JobThread}/messages")),
        new("POST /api/v1/portal/conversations/{threadId}/messages", Guard.ById,
            s => Post($"{Chat}/{s.JobThread}/messages", new { text = "Please also check the pump" }),
            StateOfA: (w, s) => w.Owner.GetStringAsync($"{Chat}/{s.JobThread}/messages")),
        new("POST /api/v1/portal/conversations/{threadId}/read", Guard.ById,
            s => Post($"{Chat}/{s.JobThread}/read", new { upTo = s.MessageId }),
            StateOfA: (w, _) => w.Owner.GetStringAsync($"{Chat}/")),
        new("GET /api/v1/portal/conversations/{threadId}/attachments/{attachmentId}", Guard.ById, s => Get($"{Chat}/{s.JobThread}/attachments/{s.AttachmentId}")),
    ];

    public static EndpointCase Find(string key) => All.Single(c => c.Key == key);

    private static Task<string> Preferences(PortalMatrixWorld w, SiteIds _) => w.Owner.GetStringAsync($"{Portal}/preferences");

    private static Task<string> Documents(PortalMatrixWorld w, SiteIds _) => w.Owner.GetStringAsync($"{Portal}/documents");

    private static Task<string> Cases(PortalMatrixWorld w, SiteIds _) => w.Owner.GetStringAsync($"{Portal}/cases/");

    private static Task<string> Plans(PortalMatrixWorld w, SiteIds _) => w.Owner.GetStringAsync($"{Portal}/plans/");

    private static Task<string> PaymentMethods(PortalMatrixWorld w, SiteIds _) => w.Owner.GetStringAsync($"{Portal}/payment-methods/");

    /// <summary>An id nobody's plan or subscription has: the matrix world sells no plans.</summary>
    private const string NoSuchId = "0123456789abcdef0123456789abcdef";
    /// <summary>Whether A's chosen notification is read: what the others' calls must never change (more may arrive meanwhile).</summary>
    private static async Task<string> Notification(PortalMatrixWorld w, SiteIds s)
    {
        var list = (await w.Owner.GetFromJsonAsync<OrleansPortal.Web.Notifications.InApp.PortalNotificationsDto>($"{Portal}/notifications/", ApiJson.Options))!;
        return $"{s.NotificationId}: {list.Items.Single(n => n.Id == s.NotificationId).Read}";
    }

    private static Task<string> CalendarFeed(PortalMatrixWorld w, SiteIds _) => w.Owner.GetStringAsync($"{Portal}/calendar-feed");

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, object body) => Send(HttpMethod.Post, path, body);

    /// <summary>A tiny real PNG (the upload decodes it) as the multipart field "photo".</summary>
    private static HttpRequestMessage PostPhoto(string path)
    {
        var file = new ByteArrayContent(TestImages.Png());
        file.Headers.ContentType = new("image/png");
        var form = new MultipartFormDataContent { { file, "photo", "problem.png" } };
        return new(HttpMethod.Post, path) { Content = form };
    }

    private static HttpRequestMessage Send(HttpMethod method, string path, object body) => new(method, path) { Content = JsonContent.Create(body) };
}
