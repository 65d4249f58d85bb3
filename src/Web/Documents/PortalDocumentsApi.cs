using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Documents.Reports;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Payments;
using OrleansPortal.Web.Portal;

namespace OrleansPortal.Web.Documents;

/// <summary>
/// The signed-in contact's documents: job reports of the jobs <see cref="PortalAccess"/> lets them see, and the estimates
/// and invoices <see cref="DocumentAccess"/> lets them see. Anything else answers 404 like an id that does not exist.
/// </summary>
public static class PortalDocumentsApi
{
    public const int MinSignatureLength = 2;
    public const int MaxSignatureLength = InputLimits.Name;

    public static RouteGroupBuilder MapPortalDocumentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/portal").WithTags("Portal documents").RequireAuthorization(PortalClaims.CustomerPolicy);
        group.MapGet("/documents", ListAsync).WithSummary("Job reports, estimates and invoices this contact may see, newest first.");
        group.MapGet("/reports/{ticketId}", GetReportAsync).WithSummary("A job's report: notes, photos, arrival, departure and time on site.");
        group.MapGet("/reports/{ticketId}/photos/{photoId}", GetPhotoAsync).WithSummary("One photo of a job's report.");
        group.MapGet("/reports/{ticketId}/download", DownloadReportAsync).WithSummary("The job's report as a printable HTML file (attachment), photos embedded.");
        group.MapGet("/reports/{ticketId}/report.pdf", DownloadPdfAsync)
            .WithSummary("The job's report as a PDF (attachment), in the contact's language unless ?language=en|pt; 503 when the server has no font for PDFs.");
        group.MapGet("/estimates/{id}", GetEstimateAsync).WithSummary("An estimate.");
        group.MapPost("/estimates/{id}/approve", (string id, EstimateDecisionBody body, HttpContext http, ClaimsPrincipal user, IClusterClient grains, DomainClock clock) =>
            DecideAsync(id, body, approve: true, http, user, grains, clock)).WithSummary(
            "Approves a pending, unexpired estimate with a typed-name signature; 409 once decided or expired. One asking for a deposit issues its deposit " +
            "invoice (paid through /payments/checkout), is approved by owners and accounts payable only, and approved again answers the same invoice.");
        group.MapPost("/estimates/{id}/decline", (string id, EstimateDecisionBody body, HttpContext http, ClaimsPrincipal user, IClusterClient grains, DomainClock clock) =>
            DecideAsync(id, body, approve: false, http, user, grains, clock)).WithSummary("Declines a pending estimate with a typed-name signature; 409 once decided.");
        group.MapGet("/invoices/{id}", GetInvoiceAsync).WithSummary("An invoice.");
        return group;
    }

    private static async Task<Ok<PortalDocumentsDto>> ListAsync(ClaimsPrincipal user, IClusterClient grains, DomainClock clock, IOptions<PaymentsOptions> payments)
    {
        var jobs = await PortalAccess.VisibleJobsAsync(grains, user);
        var reports = await CustomerDocuments.ReportsAsync(grains, user.GetTenantId(), jobs);
        var (estimates, invoices) = await DocumentAccess.VisibleDocumentsAsync(grains, user);
        var contact = await Contact(grains, user);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new PortalDocumentsDto(
            reports,
            [.. estimates.Select(e => e.AsDto(now, internalView: false))],
            [.. invoices.Select(i => i.AsDto(now))],
            PortalPaymentsApi.CanPay(contact.Role, payments.Value), PaysBills(contact.Role)));
    }

    private static async Task<Results<Ok<JobReportDto>, NotFound>> GetReportAsync(string ticketId, ClaimsPrincipal user, IClusterClient grains)
    {
        if (await PortalAccess.VisibleJobAsync(grains, user, ticketId) is not { } job) return TypedResults.NotFound();
        return TypedResults.Ok((await Report(grains, user, ticketId).GetAsync()).AsDto(job, PhotoUrl(ticketId), internalView: false));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> GetPhotoAsync(string ticketId, string photoId, HttpContext http, ClaimsPrincipal user, IClusterClient grains, PhotoStore store)
    {
        if (await PortalAccess.VisibleJobAsync(grains, user, ticketId) is null) return TypedResults.NotFound();
        return PhotoResults.Serve(http, store, await Report(grains, user, ticketId).GetAsync(), photoId);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadReportAsync(string ticketId, ClaimsPrincipal user, IClusterClient grains, PhotoStore store, HttpContext http)
    {
        if (await PortalAccess.VisibleJobAsync(grains, user, ticketId) is not { } job) return TypedResults.NotFound();
        var report = await Report(grains, user, ticketId).GetAsync();
        var photos = new Dictionary<string, byte[]>();
        foreach (var photo in report.Photos)
        {
            if (store.OpenRead(photo.PhotoId) is not { } stream) continue; // a lost file leaves the rest of the report intact
            await using (stream)
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, http.RequestAborted);
                photos[photo.PhotoId] = copy.ToArray();
            }
        }
        var company = await grains.GetGrain<ICompanyGrain>(user.GetTenantId()).GetAsync();
        var html = ReportHtml.Render(report.AsDto(job, PhotoUrl(ticketId), internalView: false), company?.Name ?? "", photos);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", $"job-report-{ticketId}.html");
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> DownloadPdfAsync(
        string ticketId, string? language, ClaimsPrincipal user, IClusterClient grains, JobReportPdfs pdfs, IOptions<NotificationLinkOptions> options, HttpContext http)
    {
        if (ReportPdfResults.ValidateLanguage(language) is { } errors) return TypedResults.ValidationProblem(errors);
        if (await PortalAccess.VisibleJobAsync(grains, user, ticketId) is null) return TypedResults.NotFound();
        if (!pdfs.Available) return ReportPdfResults.Unavailable();
        // The contact's own language, as their messages are written in; the page passes the one it is shown in.
        language ??= (await PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId())).Preferences.Language
            ?? options.Value.DefaultLanguage;
        return ReportPdfResults.File(await pdfs.RenderAsync(user.GetTenantId(), ticketId, language, http.RequestAborted), http);
    }

    private static async Task<Results<Ok<EstimateDto>, NotFound>> GetEstimateAsync(string id, ClaimsPrincipal user, IClusterClient grains, DomainClock clock) =>
        await DocumentAccess.VisibleEstimateAsync(grains, user, id) is { } estimate ? TypedResults.Ok(estimate.AsDto(clock.GetUtcNow(), internalView: false)) : TypedResults.NotFound();

    private static async Task<Results<Ok<EstimateDto>, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(
        string id, EstimateDecisionBody body, bool approve, HttpContext http, ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        if (await DocumentAccess.VisibleEstimateAsync(grains, user, id) is not { } estimate) return TypedResults.NotFound();
        // Approving commits the customer to a deposit invoice: only those who pay the bills may (a property manager sees
        // the estimate and its deposit, and is told who approves it).
        if (approve && estimate.Billing?.DepositStatus is DepositStatus.AwaitingApproval or DepositStatus.Due && !PaysBills((await Contact(grains, user)).Role))
            return TypedResults.Problem("An estimate with a deposit is approved by the customer's owners or accounts-payable contacts.", statusCode: StatusCodes.Status403Forbidden);
        // The name is recorded exactly as typed (trimmed); it is not matched against the contact's name, since people
        // sign as they please (initials, a company name). Who signed is the contact id recorded beside it.
        var name = body.SignedName?.Trim() ?? "";
        var validation = new RequestValidation()
            .Require(name.Length >= MinSignatureLength, "signedName", $"Type your full name to sign ({MinSignatureLength} to {MaxSignatureLength} characters).")
            .Text(name, "signedName", MaxSignatureLength, $"Type your full name to sign ({MinSignatureLength} to {MaxSignatureLength} characters).", required: false);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        // The connection's address: behind a reverse proxy this is the proxy's, unless forwarded headers are configured.
        var ip = http.Connection.RemoteIpAddress?.ToString();
        var decided = await grains.GetGrain<IEstimateGrain>(TenantKeys.For(user.GetTenantId(), id))
            .DecideAsync(new EstimateDecisionRequest(approve, name, user.GetContactId(), ip)); // ConflictException (409) once decided or expired
        return TypedResults.Ok(decided.AsDto(clock.GetUtcNow(), internalView: false));
    }

    private static async Task<Results<Ok<InvoiceDto>, NotFound>> GetInvoiceAsync(string id, ClaimsPrincipal user, IClusterClient grains, DomainClock clock) =>
        await DocumentAccess.VisibleInvoiceAsync(grains, user, id) is { } invoice ? TypedResults.Ok(invoice.AsDto(clock.GetUtcNow())) : TypedResults.NotFound();

    private static Func<string, string> PhotoUrl(string ticketId) => photoId => $"/api/v1/portal/reports/{ticketId}/photos/{photoId}";

    /// <summary>An owner or accounts payable: those who pay the customer's bills, online or not.</summary>
    private static bool PaysBills(ContactRole role) => role is ContactRole.Owner or ContactRole.AccountsPayable;

    private static Task<CustomerContact> Contact(IClusterClient grains, ClaimsPrincipal user) =>
        PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId());

    private static IJobReportGrain Report(IClusterClient grains, ClaimsPrincipal user, string ticketId) =>
        grains.GetGrain<IJobReportGrain>(TenantKeys.For(user.GetTenantId(), ticketId));
}

public sealed record EstimateDecisionBody([property: MaxLength(PortalDocumentsApi.MaxSignatureLength)] string? SignedName);
