using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Ledger;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Payments;

/// <summary>
/// What moved on an invoice, as its customer reads it in the portal: payments, refunds, credit notes and write-offs,
/// for anyone who sees the invoice (<see cref="DocumentAccess"/>). Not who did it in the office, and not the credit
/// note that goes with each refund by rule (the refund says it).
/// </summary>
public static class PortalInvoiceMoneyApi
{
    public static RouteGroupBuilder MapPortalInvoiceMoneyApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/portal/invoices").WithTags("Portal payments").RequireAuthorization(PortalClaims.CustomerPolicy);
        group.MapGet("/{id}/money", MovementsAsync).WithSummary("The invoice's payments, refunds, credit notes and write-offs, oldest first.");
        return group;
    }

    private static async Task<Results<Ok<InvoiceMovementDto[]>, NotFound>> MovementsAsync(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        if (await DocumentAccess.VisibleInvoiceAsync(grains, user, id) is null) return TypedResults.NotFound();
        var ledger = await grains.GetGrain<IInvoiceGrain>(TenantKeys.For(user.GetTenantId(), id)).GetLedgerAsync();
        var refunds = ledger.Where(e => e.Kind == LedgerKind.Refunded).Select(e => e.Source + ":credit").ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(ledger
            .Where(e => e.Kind != LedgerKind.Issued && !(e.Kind == LedgerKind.Credited && e.Source is not null && refunds.Contains(e.Source)))
            .Select(e => new InvoiceMovementDto(e.Kind.ToString(), e.Amount, e.Currency, e.At, e.Kind is LedgerKind.Credited or LedgerKind.Refunded ? e.Note : null))
            .ToArray());
    }
}
