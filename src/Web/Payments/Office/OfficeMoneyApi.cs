using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Grains.Payments.Refunds;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using Stripe;
using Invoice = OrleansPortal.Grains.Documents.Invoice;

namespace OrleansPortal.Web.Payments.Office;

/// <summary>
/// An invoice's money from the office, for the dispatchers of its company: its ledger and payments; refunds of money
/// paid through Stripe (recorded when Stripe's webhook confirms them); credit notes, write-offs and payments received
/// outside Stripe, recorded at once. Each action carries a request id the page makes once, so a retried click acts once.
/// </summary>
public static class OfficeMoneyApi
{
    public static RouteGroupBuilder MapOfficeMoneyApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/invoices/{id}").WithTags("Invoice money").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/ledger", LedgerAsync).WithSummary("The invoice's ledger rows, the payments that named it and the office's refunds.");
        group.MapPost("/refunds", RefundAsync)
            .WithSummary("Refunds money paid through Stripe, whole or in part; 202: the ledger records it when Stripe's webhook confirms it.");
        group.MapPost("/credit-notes", CreditAsync).WithSummary("A credit note lowering what is due.");
        group.MapPost("/write-offs", WriteOffAsync).WithSummary("Gives up collecting some or all of what is due.");
        group.MapPost("/payments", RecordPaymentAsync).WithSummary("Money received outside Stripe: cash, a bank transfer or a cheque.");
        return group;
    }

    private static async Task<Results<Ok<InvoiceMoneyDto>, NotFound>> LedgerAsync(
        string id, ClaimsPrincipal user, IClusterClient grains, IPaymentRecords records, IOptions<PaymentsOptions> options, DomainClock clock, CancellationToken cancellationToken) =>
        ResourceId.IsValid(id)
            ? TypedResults.Ok(await InvoiceMoney.LoadAsync(grains, records, options.Value.Enabled, user.GetTenantId(), id, clock.GetUtcNow(), cancellationToken))
            : TypedResults.NotFound();

    private static async Task<Results<Accepted<OfficeRefundDto>, ValidationProblem, NotFound, ProblemHttpResult>> RefundAsync(
        string id, RefundBody body, ClaimsPrincipal user, IClusterClient grains, IOptions<PaymentsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = OfficeMoneyRequests.Common(body.Amount, body.RequestId, out var requestId)
            .Text(body.Reason, "reason", OfficeMoneyRequests.MaxReason, $"A reason of 1 to {OfficeMoneyRequests.MaxReason} characters is required.")
            .Require(body.PaymentId is null || (body.PaymentId.StartsWith("pi_", StringComparison.Ordinal) && body.PaymentId.Length <= 64
                && body.PaymentId.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')),
                "paymentId", "A Stripe payment is named by its id (pi_...).");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        if (!options.Value.Enabled) return TypedResults.Problem("Payments through Stripe are not set up for this company.", statusCode: StatusCodes.Status409Conflict);

        var tenant = user.GetTenantId();
        var invoiceGrain = grains.GetGrain<IInvoiceGrain>(TenantKeys.For(tenant, id));
        var invoice = await invoiceGrain.GetAsync(); // 404 for no such invoice in this company
        var paymentId = body.PaymentId ?? LastStripePayment(await invoiceGrain.GetLedgerAsync());
        if (paymentId is null) return TypedResults.Problem("Nothing on this invoice was paid through Stripe.", statusCode: StatusCodes.Status409Conflict);

        var request = new RefundRequest(requestId, paymentId, body.Amount!.Value, body.Reason!.Trim(), user.GetEmail());
        try
        {
            var refund = await services.GetRequiredService<OfficeRefunds>().RefundAsync(tenant, invoice, request, cancellationToken);
            return TypedResults.Accepted($"/api/v1/invoices/{id}/ledger", OfficeRefundDto.Of(refund, recorded: false));
        }
        catch (StripeException unanswered)
        {
            // Stripe did not say yes or no (down, slow, or this very request still running there): the reservation stays,
            // and the same request id tried again reaches the same refund at Stripe.
            var status = unanswered.HttpStatusCode == System.Net.HttpStatusCode.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status503ServiceUnavailable;
            return TypedResults.Problem("Stripe did not confirm the refund yet. Try again: the same request refunds at most once.", statusCode: status);
        }
    }

    private static Task<Results<Ok<InvoiceMoneyDto>, ValidationProblem, NotFound>> CreditAsync(
        string id, AdjustmentBody body, ClaimsPrincipal user, IClusterClient grains, IPaymentRecords records, IOptions<PaymentsOptions> options, DomainClock clock,
        CancellationToken cancellationToken) =>
        AdjustAsync(id, body, user, (invoice, movement) => invoice.CreditAsync(movement), new(grains, records, options, clock), cancellationToken);

    private static Task<Results<Ok<InvoiceMoneyDto>, ValidationProblem, NotFound>> WriteOffAsync(
        string id, AdjustmentBody body, ClaimsPrincipal user, IClusterClient grains, IPaymentRecords records, IOptions<PaymentsOptions> options, DomainClock clock,
        CancellationToken cancellationToken) =>
        AdjustAsync(id, body, user, (invoice, movement) => invoice.WriteOffAsync(movement), new(grains, records, options, clock), cancellationToken);

    private static async Task<Results<Ok<InvoiceMoneyDto>, ValidationProblem, NotFound>> AdjustAsync(
        string id, AdjustmentBody body, ClaimsPrincipal user, Func<IInvoiceGrain, MoneyMovement, Task<Invoice>> apply, Reader reader, CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = OfficeMoneyRequests.Common(body.Amount, body.RequestId, out var requestId)
            .Text(body.Reason, "reason", OfficeMoneyRequests.MaxReason, $"A reason of 1 to {OfficeMoneyRequests.MaxReason} characters is required.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var invoice = reader.Invoice(user, id);
        var currency = (await invoice.GetAsync()).Details.Currency;
        // More than is due is the grain's ConflictException: 409 with what is due.
        await apply(invoice, new MoneyMovement(body.Amount!.Value, currency, OfficeMoneyRequests.Source(requestId), user.GetEmail(), Note: body.Reason!.Trim()));
        return TypedResults.Ok(await reader.LoadAsync(user, id, cancellationToken));
    }

    private static async Task<Results<Ok<InvoiceMoneyDto>, ValidationProblem, NotFound, ProblemHttpResult>> RecordPaymentAsync(
        string id, OfficePaymentBody body, ClaimsPrincipal user, IClusterClient grains, IPaymentRecords records, IOptions<PaymentsOptions> options, DomainClock clock,
        CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = OfficeMoneyRequests.Common(body.Amount, body.RequestId, out var requestId)
            .Require(body.Method is not null && OfficePaymentNote.Methods.Contains(body.Method), "method", "The method is cash, transfer or cheque.")
            .Text(body.Reference, "reference", OfficeMoneyRequests.MaxReference,
                $"A reference (a transfer's or cheque's number) is at most {OfficeMoneyRequests.MaxReference} characters.", required: false);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var reader = new Reader(grains, records, options, clock);
        var invoiceGrain = reader.Invoice(user, id);
        var invoice = await invoiceGrain.GetAsync();
        var source = OfficeMoneyRequests.Source(requestId);
        var recorded = (await invoiceGrain.GetLedgerAsync()).Any(e => e.Source == source);
        // A slip of the finger (8000 for 80.00) is caught here; a retried click that was recorded is not refused.
        if (!recorded && body.Amount > invoice.Balance.Due)
            return TypedResults.Problem($"Only {new Grains.Payments.Money(Math.Max(0, invoice.Balance.Due), invoice.Details.Currency)} is due on this invoice.",
                statusCode: StatusCodes.Status409Conflict);

        await invoiceGrain.RecordPaymentAsync(new MoneyMovement(body.Amount!.Value, invoice.Details.Currency, source, user.GetEmail(),
            Note: OfficePaymentNote.Write(body.Method!, body.Reference)));
        return TypedResults.Ok(await reader.LoadAsync(user, id, cancellationToken));
    }

    /// <summary>The invoice's latest payment through Stripe (a PaymentIntent's row), or null.</summary>
    private static string? LastStripePayment(IReadOnlyList<Grains.Payments.Ledger.LedgerEntry> ledger) =>
        ledger.LastOrDefault(e => e.Kind is Grains.Payments.Ledger.LedgerKind.Paid or Grains.Payments.Ledger.LedgerKind.PartiallyPaid
            && e.Source?.StartsWith("pi_", StringComparison.Ordinal) == true)?.Source;

    private sealed record Reader(IClusterClient Grains, IPaymentRecords Records, IOptions<PaymentsOptions> Options, DomainClock Clock)
    {
        public IInvoiceGrain Invoice(ClaimsPrincipal user, string id) => Grains.GetGrain<IInvoiceGrain>(TenantKeys.For(user.GetTenantId(), id));

        public Task<InvoiceMoneyDto> LoadAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken) =>
            InvoiceMoney.LoadAsync(Grains, Records, Options.Value.Enabled, user.GetTenantId(), id, Clock.GetUtcNow(), cancellationToken);
    }
}
