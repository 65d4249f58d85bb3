using System.ComponentModel.DataAnnotations;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Documents;

/// <summary>
/// A line as a dispatcher sends it; its amount and the document's totals are computed by the server. Money is integer
/// minor units of the document's currency (<c>unitAmount</c> 8050 is €80.50); rates are basis points (<c>taxRate</c>
/// 2300 is 23 %, <c>discount</c> 1000 is 10 % off the line).
/// </summary>
public sealed record LineItemRequest(
    [property: MaxLength(DocumentRequestValidation.MaxLineDescription)] string? Description, decimal? Quantity, long? UnitAmount, int? TaxRate, int? Discount);

/// <summary>
/// A new estimate. Any "total" a client adds is not even read: totals come from the lines. Without a currency it is in
/// the company's (<c>PUT /api/v1/company/currency</c>).
/// </summary>
public sealed record CreateEstimateRequest(
    [property: MaxLength(InputLimits.Id)] string? CustomerId,
    [property: MaxLength(InputLimits.Id)] string? PropertyId,
    [property: MaxLength(InputLimits.Id)] string? TicketId,
    [property: MaxLength(InputLimits.Name)] string? Title,
    [property: MaxLength(DocumentRequestValidation.MaxLines)] IReadOnlyList<LineItemRequest>? Lines,
    [property: MaxLength(3)] string? Currency,
    DateTimeOffset? ValidUntil,
    DepositRequest? Deposit = null);

/// <summary>
/// The deposit an estimate asks for on approval: <c>rate</c> in basis points of its total (3000 is 30 %) or
/// <c>amount</c> in minor units, one of the two.
/// </summary>
public sealed record DepositRequest(int? Rate, long? Amount);

/// <summary>A new invoice; without a currency it is in the company's.</summary>
public sealed record IssueInvoiceRequest(
    [property: MaxLength(InputLimits.Id)] string? CustomerId,
    [property: MaxLength(InputLimits.Id)] string? PropertyId,
    [property: MaxLength(InputLimits.Id)] string? TicketId,
    [property: MaxLength(InputLimits.Name)] string? Title,
    [property: MaxLength(DocumentRequestValidation.MaxLines)] IReadOnlyList<LineItemRequest>? Lines,
    [property: MaxLength(3)] string? Currency,
    DateOnly? DueDate);

/// <summary>What an estimate or invoice is about, once checked: the customer, and the site it concerns (from the job when one is named).</summary>
public sealed record DocumentTarget(string CustomerId, string? PropertyId, string? TicketId);

/// <summary>The checks estimates and invoices share: title, lines, currency, and that the customer, property and job belong together.</summary>
public static class DocumentRequestValidation
{
    public const int MaxLines = 100;

    public const int MaxLineDescription = 500;

    /// <summary>The most one unit may cost, in minor units (10 million in a two-decimal currency): a line times its quantity stays far inside a long.</summary>
    public const long MaxUnitAmount = 1_000_000_000;

    public static RequestValidation ValidateBody(string? title, IReadOnlyList<LineItemRequest>? lines, string? currency)
    {
        var validation = new RequestValidation()
            .Text(title, "title", InputLimits.Name, $"A title of 1 to {InputLimits.Name} characters is required.")
            .Require(lines is { Count: > 0 and <= MaxLines }, "lines", $"Between 1 and {MaxLines} line items are required.")
            .Require(currency is null || Currencies.IsKnown(currency), "currency", Currencies.UnknownMessage + " Leave it out for the company's.");
        for (var i = 0; i < (lines?.Count ?? 0) && i < MaxLines; i++)
        {
            var line = lines![i];
            validation
                .Text(line?.Description, $"lines[{i}].description", MaxLineDescription, $"A description of 1 to {MaxLineDescription} characters is required.")
                .Require(line?.Quantity is > 0 and <= 1_000_000 && decimal.Round(line.Quantity.Value, 3) == line.Quantity, $"lines[{i}].quantity", "The quantity must be more than 0 and at most 1,000,000, with at most 3 decimals.")
                .Require(line?.UnitAmount is >= 0 and <= MaxUnitAmount, $"lines[{i}].unitAmount", $"The unit price must be 0 to {MaxUnitAmount:N0} in minor units of the currency (cents: 8050 is 80.50).")
                .Require(line?.TaxRate is null or (>= 0 and <= LineItem.WholeRate), $"lines[{i}].taxRate", "The tax rate must be 0 to 10,000 basis points (2300 is 23 %).")
                .Require(line?.Discount is null or (>= 0 and <= LineItem.WholeRate), $"lines[{i}].discount", "The discount must be 0 to 10,000 basis points (1000 is 10 % off).");
        }
        return validation;
    }

    /// <summary>
    /// Checks a deposit against the estimate's total (null when its lines were refused, so the total is unknown): a
    /// percentage or an amount, more than zero, at most 100 % and at most the total.
    /// </summary>
    public static RequestValidation Deposit(this RequestValidation validation, DepositRequest? deposit, long? total)
    {
        if (deposit is null) return validation;
        if (deposit.Rate is null == deposit.Amount is null)
        {
            validation.Add("deposit", "A deposit is a percentage (rate, basis points: 3000 is 30 %) or an amount in minor units: one of the two.");
            return validation;
        }

        validation
            .Require(deposit.Rate is null or (> 0 and <= LineItem.WholeRate), "deposit.rate", "The deposit's percentage must be more than 0 and at most 10,000 basis points (100 %).")
            .Require(deposit.Amount is null or > 0, "deposit.amount", "The deposit must be more than 0, in minor units of the currency (cents: 5000 is 50.00).");
        if (deposit.Amount is > 0 and var amount && total is { } t && amount > t)
            validation.Add("deposit.amount", $"The deposit cannot be more than the estimate's total ({t:N0} in minor units).");
        return validation;
    }

    /// <summary>Only for lines <see cref="ValidateBody"/> accepted.</summary>
    public static IReadOnlyList<LineItem> ToLines(IReadOnlyList<LineItemRequest> lines) =>
        [.. lines.Select(l => new LineItem(l.Description!.Trim(), l.Quantity!.Value, l.UnitAmount!.Value, l.TaxRate ?? 0, l.Discount ?? 0))];

    /// <summary>
    /// Checks that the customer exists in the tenant, the property is theirs and the job is theirs (and at that property);
    /// a job without a property names its own. Problems go into <paramref name="validation"/> as field errors.
    /// </summary>
    public static async Task<DocumentTarget?> ResolveTargetAsync(IClusterClient grains, string tenantId, string? customerId, string? propertyId, string? ticketId, RequestValidation validation)
    {
        if (customerId is null || !ResourceId.IsValid(customerId))
        {
            validation.Add("customerId", "A customer id (32 hex characters) is required.");
            return null;
        }
        if (await grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenantId, customerId)).GetAsync().OrNullAsync() is not { } customer)
        {
            validation.Add("customerId", "There is no such customer.");
            return null;
        }
        if (propertyId is not null && !customer.PropertyIds.Contains(propertyId))
            validation.Add("propertyId", "The property must be one of this customer's.");
        if (ticketId is null) return validation.IsValid ? new DocumentTarget(customerId, propertyId, null) : null;

        // A job that does not exist is reported like a job of another customer.
        var ticket = ResourceId.IsValid(ticketId) ? await grains.GetGrain<ITicketGrain>(TenantKeys.For(tenantId, ticketId)).GetAsync().OrNullAsync() : null;
        if (ticket is null || ticket.Details.CustomerId != customerId)
            validation.Add("ticketId", "The job must be one of this customer's.");
        else if (propertyId is not null && propertyId != ticket.Details.PropertyId)
            validation.Add("propertyId", "The property must be the job's.");
        return validation.IsValid ? new DocumentTarget(customerId, propertyId ?? ticket!.Details.PropertyId, ticketId) : null;
    }
}
