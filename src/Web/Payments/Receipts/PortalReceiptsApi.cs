using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Web.Documents.Reports;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Web.Portal;

namespace OrleansPortal.Web.Payments.Receipts;

/// <summary>A receipt for each of the customer's succeeded payments, for those who see its payments (owners and accounts payable).</summary>
public static class PortalReceiptsApi
{
    public static RouteGroupBuilder MapPortalReceiptsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/portal/payments").WithTags("Portal payments").RequireAuthorization(PortalClaims.CustomerPolicy);
        group.MapGet("/{id}/receipt.pdf", DownloadAsync)
            .WithSummary("A succeeded payment's receipt as a PDF, in the contact's language unless ?language= says otherwise; 409 while it has not gone through.");
        return group;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> DownloadAsync(
        string id, string? language, ClaimsPrincipal user, IClusterClient grains, PaymentReceipts receipts, IOptions<NotificationLinkOptions> options, HttpContext http)
    {
        if (ReportPdfResults.ValidateLanguage(language) is { } errors) return TypedResults.ValidationProblem(errors);
        if (id.Length is 0 or > 255) return TypedResults.NotFound();
        var contact = await PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId());
        if (contact.Role is not (ContactRole.Owner or ContactRole.AccountsPayable))
            return TypedResults.Problem("Only the customer's owners and accounts-payable contacts see its payments.", statusCode: StatusCodes.Status403Forbidden);
        if (!receipts.Available) return ReportPdfResults.Unavailable();
        try
        {
            var pdf = await receipts.RenderAsync(user.GetTenantId(), user.GetCustomerId(), id, language ?? contact.Preferences.Language ?? options.Value.DefaultLanguage, http.RequestAborted);
            return pdf is null ? TypedResults.NotFound() : ReportPdfResults.File(pdf, http);
        }
        catch (ConflictException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }
}
