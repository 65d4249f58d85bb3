using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Payments.Stripe;
using OrleansPortal.Web.Portal;

namespace OrleansPortal.Web.Payments;

/// <summary>
/// The portal's side of paying: a checkout for one or several invoices, and the payment history. Only the contacts who
/// pay the bills (owners and accounts payable) may; a property manager sees invoices of their sites but cannot pay them.
/// </summary>
public static class PortalPaymentsApi
{
    public static RouteGroupBuilder MapPortalPaymentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/portal/payments").WithTags("Portal payments").RequireAuthorization(PortalClaims.CustomerPolicy);
        group.MapPost("/checkout", CheckoutAsync)
            .WithSummary("Opens a Stripe-hosted checkout for what is due on 1 to 10 of the contact's invoices (one currency); answers where to send the browser.");
        group.MapGet("", HistoryAsync).WithSummary("The customer's payments, newest first (owners and accounts payable).");
        return group;
    }

    /// <summary>Whether this contact may pay the customer's invoices online here.</summary>
    public static bool CanPay(ContactRole role, PaymentsOptions options) => options.Enabled && role is ContactRole.Owner or ContactRole.AccountsPayable;

    private static async Task<Results<Ok<CheckoutDto>, ValidationProblem, NotFound, ProblemHttpResult>> CheckoutAsync(
        CheckoutRequest request, ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        var ids = request.InvoiceIds ?? [];
        var validation = new RequestValidation()
            .Require(ids.Count is > 0 and <= PaymentAllocations.MaxInvoices, "invoiceIds", $"Between 1 and {PaymentAllocations.MaxInvoices} invoices are paid at once.")
            .Require(ids.All(ResourceId.IsValid) && ids.Distinct().Count() == ids.Count, "invoiceIds", "Each invoice once, by its id (32 hex characters).");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        if (!options.Value.Enabled) return TypedResults.Problem("Online payments are not set up for this company.", statusCode: StatusCodes.Status409Conflict);

        var contact = await PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId());
        if (!CanPay(contact.Role, options.Value))
            return TypedResults.Problem("Only the customer's owners and accounts-payable contacts pay invoices.", statusCode: StatusCodes.Status403Forbidden);

        var invoices = new List<Invoice>();
        foreach (var id in ids)
        {
            if (await DocumentAccess.VisibleInvoiceAsync(grains, user, id) is not { } invoice) return TypedResults.NotFound();
            invoices.Add(invoice);
        }

        if (invoices.FirstOrDefault(i => i.Balance.Due <= 0) is { } settled)
            return TypedResults.Problem($"Invoice {settled.DisplayNumber} has nothing left to pay.", statusCode: StatusCodes.Status409Conflict);
        if (invoices.Select(i => i.Details.Currency.ToUpperInvariant()).Distinct().Count() > 1)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["invoiceIds"] = ["Invoices in different currencies are paid one currency at a time."] });

        var language = contact.Preferences.Language ?? "en";
        var url = await services.GetRequiredService<StripeCheckout>().StartAsync(user.GetTenantId(), user.GetCustomerId(), contact.ContactId, contact.Email, language, invoices, cancellationToken);
        return TypedResults.Ok(new CheckoutDto(url.ToString()));
    }

    private static async Task<Results<Ok<PaymentDto[]>, ProblemHttpResult>> HistoryAsync(ClaimsPrincipal user, IClusterClient grains, IPaymentRecords records, CancellationToken cancellationToken)
    {
        var contact = await PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId());
        if (contact.Role is not (ContactRole.Owner or ContactRole.AccountsPayable))
            return TypedResults.Problem("Only the customer's owners and accounts-payable contacts see its payments.", statusCode: StatusCodes.Status403Forbidden);
        var payments = await records.ForCustomerAsync(user.GetTenantId(), user.GetCustomerId(), 100, cancellationToken);
        return TypedResults.Ok(payments.Select(PaymentDto.Of).ToArray());
    }

}

public sealed record CheckoutRequest([property: MaxLength(PaymentAllocations.MaxInvoices * 2)] IReadOnlyList<string>? InvoiceIds);

/// <summary>Where the browser goes to pay: Stripe's hosted page.</summary>
public sealed record CheckoutDto(string Url);

/// <param name="Status">Processing, Succeeded, Failed or Canceled.</param>
public sealed record PaymentDto(string Id, long Amount, string Currency, string? Method, string Status, string? Failure, IReadOnlyList<string> InvoiceIds, DateTimeOffset CreatedAt)
{
    public static PaymentDto Of(PaymentRecord p) => new(p.PaymentId, p.Amount, p.Currency, p.Method, p.Status.ToString(), p.Failure, p.InvoiceIds, p.CreatedAt);
}
