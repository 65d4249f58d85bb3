using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Documents.Reports;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Documents;

/// <summary>
/// Dispatchers' side of documents, within their own company: estimates and invoices for customers, and job reports
/// (read, add notes and photos). Totals are always computed from the lines.
/// </summary>
public static class DocumentsApi
{
    public const int MaxNoteLength = InputLimits.Text;

    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1").WithTags("Documents").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapPost("/estimates", CreateEstimateAsync).WithSummary("Creates an estimate for a customer (optionally about a property or job), Pending until the customer decides; without a currency, in the company's.");
        group.MapGet("/estimates/{id}", GetEstimateAsync).WithSummary("An estimate with its decision (signature, time, client IP) once made.");
        group.MapPost("/invoices", IssueInvoiceAsync).WithSummary("Issues an Open invoice to a customer; without a currency, in the company's.");
        group.MapGet("/invoices/{id}", GetInvoiceAsync).WithSummary("An invoice.");
        group.MapGet("/customers/{id}/documents", ListCustomerDocumentsAsync).WithSummary("A customer's estimates and invoices, newest first.");
        group.MapGet("/tickets/{id}/report", GetReportAsync).WithSummary("The job's report: notes, photos, arrival, departure and time on site.");
        group.MapGet("/tickets/{id}/report.pdf", DownloadPdfAsync)
            .WithSummary("The job's report as the customer gets it, as a PDF (attachment); ?language=en|pt, else the default language.");
        group.MapPost("/tickets/{id}/report/notes", AddNoteAsync).WithSummary("Adds an office note to the job's report.");
        group.MapPost("/tickets/{id}/report/photos", AddPhotoAsync).WithRequestBodyLimit(PhotoUpload.MaxRequestBytesOf(endpoints))
            .WithSummary("Adds a JPEG, PNG or WebP photo (multipart field \"photo\", optional \"caption\") to the job's report.");
        group.MapGet("/tickets/{id}/report/photos/{photoId}", GetPhotoAsync).WithSummary("One photo of the job's report.");
        return group;
    }

    private static async Task<Results<Created<EstimateDto>, ValidationProblem>> CreateEstimateAsync(
        CreateEstimateRequest request, ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        var validation = DocumentRequestValidation.ValidateBody(request.Title, request.Lines, request.Currency)
            .Require(request.ValidUntil > clock.GetUtcNow(), "validUntil", "An estimate must be valid until a time in the future.");
        validation.Deposit(request.Deposit, validation.IsValid ? DocumentTotals.Of(DocumentRequestValidation.ToLines(request.Lines!)).Total : null);
        var target = await DocumentRequestValidation.ResolveTargetAsync(grains, user.GetTenantId(), request.CustomerId, request.PropertyId, request.TicketId, validation);
        if (target is null || !validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var id = TenantKeys.NewId();
        var estimate = await grains.GetGrain<IEstimateGrain>(TenantKeys.For(user.GetTenantId(), id)).CreateAsync(new NewEstimate(
            target.CustomerId, target.PropertyId, target.TicketId, request.Title!.Trim(), DocumentRequestValidation.ToLines(request.Lines!),
            await request.Currency.OrCompanysAsync(grains, user.GetTenantId()), request.ValidUntil!.Value, user.GetEmail(),
            request.Deposit is { } deposit ? new DepositTerms(deposit.Rate, deposit.Amount) : null));
        return TypedResults.Created($"/api/v1/estimates/{id}", estimate.AsDto(clock.GetUtcNow(), internalView: true));
    }

    private static async Task<Results<Ok<EstimateDto>, NotFound>> GetEstimateAsync(string id, ClaimsPrincipal user, IClusterClient grains, DomainClock clock) =>
        ResourceId.IsValid(id)
            ? TypedResults.Ok((await grains.GetGrain<IEstimateGrain>(TenantKeys.For(user.GetTenantId(), id)).GetAsync()).AsDto(clock.GetUtcNow(), internalView: true))
            : TypedResults.NotFound();

    private static async Task<Results<Created<InvoiceDto>, ValidationProblem>> IssueInvoiceAsync(IssueInvoiceRequest request, ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        var validation = DocumentRequestValidation.ValidateBody(request.Title, request.Lines, request.Currency)
            .Require(request.DueDate is not null, "dueDate", "A due date (yyyy-MM-dd) is required.");
        var target = await DocumentRequestValidation.ResolveTargetAsync(grains, user.GetTenantId(), request.CustomerId, request.PropertyId, request.TicketId, validation);
        if (target is null || !validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var id = TenantKeys.NewId();
        var invoice = await grains.GetGrain<IInvoiceGrain>(TenantKeys.For(user.GetTenantId(), id)).IssueAsync(new NewInvoice(
            target.CustomerId, target.PropertyId, target.TicketId, request.Title!.Trim(), DocumentRequestValidation.ToLines(request.Lines!),
            await request.Currency.OrCompanysAsync(grains, user.GetTenantId()), request.DueDate!.Value, user.GetEmail()));
        return TypedResults.Created($"/api/v1/invoices/{id}", invoice.AsDto(clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<InvoiceDto>, NotFound>> GetInvoiceAsync(string id, ClaimsPrincipal user, IClusterClient grains, DomainClock clock) =>
        ResourceId.IsValid(id)
            ? TypedResults.Ok((await grains.GetGrain<IInvoiceGrain>(TenantKeys.For(user.GetTenantId(), id)).GetAsync()).AsDto(clock.GetUtcNow()))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<CustomerDocumentsDto>, NotFound>> ListCustomerDocumentsAsync(string id, ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var tenant = user.GetTenantId();
        await grains.GetGrain<Grains.Customers.ICustomerGrain>(TenantKeys.For(tenant, id)).GetAsync(); // 404 for no such customer
        return TypedResults.Ok(await CustomerDocuments.LoadAsync(grains, tenant, id, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<JobReportDto>, NotFound>> GetReportAsync(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var ticket = await Ticket(grains, user, id).GetAsync();
        var report = await Report(grains, user, id).GetAsync();
        return TypedResults.Ok(report.AsDto(ticket, PhotoUrl(id), internalView: true));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> DownloadPdfAsync(
        string id, string? language, ClaimsPrincipal user, JobReportPdfs pdfs, IOptions<NotificationLinkOptions> options, HttpContext http)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        if (ReportPdfResults.ValidateLanguage(language) is { } errors) return TypedResults.ValidationProblem(errors);
        if (!pdfs.Available) return ReportPdfResults.Unavailable();
        // A job never created in this company throws NotFoundException: 404 like any unknown id.
        return ReportPdfResults.File(await pdfs.RenderAsync(user.GetTenantId(), id, language ?? options.Value.DefaultLanguage, http.RequestAborted), http);
    }

    private static async Task<Results<Ok<JobReportDto>, NotFound, ValidationProblem>> AddNoteAsync(string id, ReportNoteRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        if (ValidateNote(request) is { } errors) return TypedResults.ValidationProblem(errors);
        var report = await Report(grains, user, id).AddNoteAsync(request.Text!.Trim(), new ReportAuthor(user.GetEmail(), IsTechnician: false));
        return TypedResults.Ok(report.AsDto(await Ticket(grains, user, id).GetAsync(), PhotoUrl(id), internalView: true));
    }

    private static async Task<Results<Ok<JobReportDto>, NotFound, ValidationProblem>> AddPhotoAsync(
        string id, HttpRequest http, ClaimsPrincipal user, IClusterClient grains, ReportPhotos photos)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        await Ticket(grains, user, id).GetAsync(); // 404 before the bytes are stored
        var (report, errors) = await photos.AddAsync(http, Report(grains, user, id), new ReportAuthor(user.GetEmail(), IsTechnician: false));
        if (report is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(report.AsDto(await Ticket(grains, user, id).GetAsync(), PhotoUrl(id), internalView: true));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> GetPhotoAsync(string id, string photoId, HttpContext http, ClaimsPrincipal user, IClusterClient grains, PhotoStore store) =>
        ResourceId.IsValid(id) ? PhotoResults.Serve(http, store, await Report(grains, user, id).GetAsync(), photoId) : TypedResults.NotFound();

    /// <summary>Field errors for a note, or null when it is acceptable.</summary>
    internal static Dictionary<string, string[]>? ValidateNote(ReportNoteRequest request)
    {
        var validation = new RequestValidation()
            .Text(request.Text, "text", MaxNoteLength, $"A note of 1 to {MaxNoteLength:N0} characters is required.", multiline: true);
        return validation.IsValid ? null : validation.Errors;
    }

    /// <summary>Where dispatchers fetch a photo of the job's report, from its id.</summary>
    internal static Func<string, string> PhotoUrl(string ticketId) => photoId => $"/api/v1/tickets/{ticketId}/report/photos/{photoId}";

    private static ITicketGrain Ticket(IClusterClient grains, ClaimsPrincipal user, string id) => grains.GetGrain<ITicketGrain>(TenantKeys.For(user.GetTenantId(), id));

    private static IJobReportGrain Report(IClusterClient grains, ClaimsPrincipal user, string id) => grains.GetGrain<IJobReportGrain>(TenantKeys.For(user.GetTenantId(), id));
}

public sealed record ReportNoteRequest([property: MaxLength(DocumentsApi.MaxNoteLength)] string? Text);

public sealed record CustomerDocumentsDto(IReadOnlyList<EstimateDto> Estimates, IReadOnlyList<InvoiceDto> Invoices);
